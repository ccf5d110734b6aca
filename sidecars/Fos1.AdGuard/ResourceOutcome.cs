namespace Fos1.AdGuard;

/// <summary>What happened to one CR; <see cref="Reason"/> is the status condition's CamelCase reason.</summary>
public sealed record ResourceOutcome(ResourceRef Resource, OutcomeStatus Status, string Reason, string Message);

public enum OutcomeStatus
{
    /// <summary>In effect in AdGuard Home (Ready=True).</summary>
    Applied,

    /// <summary>Partly in effect: a part could not be expressed (Ready=True, Degraded=True).</summary>
    Degraded,

    /// <summary>Failed validation; nothing of it was applied.</summary>
    Invalid,

    /// <summary>Clashes with another CR or with configuration fos1 does not own.</summary>
    Conflict,

    /// <summary>AdGuard Home's API refused it; the message is AdGuard's.</summary>
    Rejected,
}
