namespace Fos1.Kea.Configuration.Rendering;

/// <summary>What became of one CR in a rendering.</summary>
public enum ServiceOutcomeKind
{
    /// <summary>Its subnets are in the rendered configuration.</summary>
    Included,

    /// <summary>It fails validation; <see cref="ServiceOutcome.Reason"/> says where.</summary>
    Invalid,

    /// <summary>It clashes with an earlier CR (overlapping subnet, same subnet id).</summary>
    Conflict,
}

/// <summary>One CR's outcome, with the Kea subnet ids it got when included.</summary>
public sealed record ServiceOutcome(
    string Namespace,
    string Name,
    long? Generation,
    ServiceOutcomeKind Kind,
    string? Reason,
    IReadOnlyList<uint> SubnetIds)
{
    public string Key => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";
}
