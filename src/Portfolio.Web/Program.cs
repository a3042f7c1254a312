using Portfolio.Web.Commands;

// The command line is decided before anything is built: help and the commands exit; no command serves the site.
return await PortfolioCommandLine.InvokeAsync(args);

public partial class Program;
