namespace Portfolio.Web.Services;

/// <summary>A page asked for while the database is built again after a fault, and not yet in it: answered 503, try again.</summary>
internal sealed class DatabaseRebuildingException() : Exception("the database is being built again");
