namespace Portfolio.Content.Data;

/// <summary>The status of a credential as the owner declared it; expiry is worked out when a page is served.</summary>
public enum CredentialStatus
{
    /// <summary>Earned or completed.</summary>
    Earned,

    /// <summary>Being prepared for.</summary>
    InPreparation,
}
