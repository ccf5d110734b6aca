using Fos1.Ddns.Leases;

namespace Fos1.Ddns.Naming;

public enum LeaseSkipReason
{
    /// <summary>IA_PD: a delegated prefix gets no records.</summary>
    PrefixDelegation,

    /// <summary>Forward and reverse updates are both off (by options or the lease's flags).</summary>
    NoUpdatesWanted,

    /// <summary>The naming refused the client's name and generated none.</summary>
    NoName,

    /// <summary>The lease has neither client-id, hardware address nor DUID to compute a DHCID from.</summary>
    NoClientIdentity,
}

/// <summary>The change one lease event asks of DNS, or why it asks none; <see cref="Naming"/> tells how the name was chosen.</summary>
public sealed record LeaseNamePlan(NameChange? Change, LeaseSkipReason? Skipped, string? Detail, HostNameDecision? Naming)
{
    public static LeaseNamePlan Skip(LeaseSkipReason reason, string detail, HostNameDecision? naming = null) =>
        new(null, reason, detail, naming);
}
