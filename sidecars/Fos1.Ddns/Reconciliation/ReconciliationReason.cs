namespace Fos1.Ddns.Reconciliation;

/// <summary>Why the reconciliation planner proposes (or refuses) something for one name.</summary>
public enum ReconciliationReason
{
    /// <summary>An active lease's name has no records at all: forward add.</summary>
    ForwardMissing,

    /// <summary>The name carries the lease's DHCID but not the lease's address: forward add (replace).</summary>
    ForwardAddressMissing,

    /// <summary>The lease's reverse name has no records: reverse add.</summary>
    ReverseMissing,

    /// <summary>The reverse name carries the lease's DHCID but its PTR is missing or names another host.</summary>
    ReversePointsElsewhere,

    /// <summary>The name belongs to a live lease's client but also holds an address no lease backs.</summary>
    StaleForwardAddress,

    /// <summary>The name carries a DHCID and no active lease backs it: forward remove.</summary>
    UnbackedForwardName,

    /// <summary>A reverse name carries a DHCID and no active lease holds its address: reverse remove (PTR leftover).</summary>
    UnbackedReverseName,

    /// <summary>Conflict: the lease's name carries another client's DHCID. Left alone, counted.</summary>
    ForwardOwnedByAnotherClient,

    /// <summary>Conflict: the lease's reverse name carries another client's DHCID. Left alone, counted.</summary>
    ReverseOwnedByAnotherClient,

    /// <summary>The lease's name has records but no DHCID (a static record, another tool): never touched.</summary>
    ForwardHeldWithoutDhcid,

    /// <summary>The lease's reverse name has records but no DHCID: never touched.</summary>
    ReverseHeldWithoutDhcid,

    /// <summary>A DHCID-only reverse leftover without a PTR: RFC 4703's reverse remove needs the PTR, so it is only reported.</summary>
    ReverseLeftoverWithoutPtr,

    /// <summary>The name lies in no zone whose contents were read: nothing can be compared.</summary>
    ZoneNotObserved,

    /// <summary>Left alone: the lease's name is another client's or static, so it gets no PTR either.</summary>
    ReverseSkippedNameNotOurs,
}
