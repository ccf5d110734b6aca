namespace Fos1.Testbed.Dns;

/// <summary>How BIND authorizes dynamic updates signed with the server's key.</summary>
public enum UpdateAuthorization
{
    /// <summary><c>allow-update { key K; };</c></summary>
    AllowUpdate,

    /// <summary><c>update-policy { grant K zonesub ANY; };</c></summary>
    UpdatePolicy,
}
