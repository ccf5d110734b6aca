using Fos1.Ddns.Reconciliation;

namespace Fos1.Ctl.Plan;

/// <summary>The operator's words for why reconciliation proposes or refuses something.</summary>
public static class DriftReason
{
    public static string Describe(ReconciliationReason reason) => reason switch
    {
        ReconciliationReason.ForwardMissing or ReconciliationReason.ReverseMissing => "lease without records",
        ReconciliationReason.ForwardAddressMissing => "lease's address missing at its name",
        ReconciliationReason.ReversePointsElsewhere => "PTR names another host",
        ReconciliationReason.StaleForwardAddress or ReconciliationReason.UnbackedForwardName
            or ReconciliationReason.UnbackedReverseName => "record without lease",
        ReconciliationReason.ForwardOwnedByAnotherClient or ReconciliationReason.ReverseOwnedByAnotherClient => "conflict: name held by another DHCID",
        ReconciliationReason.ForwardHeldWithoutDhcid or ReconciliationReason.ReverseHeldWithoutDhcid => "conflict: static record (no DHCID)",
        ReconciliationReason.ReverseLeftoverWithoutPtr => "leftover DHCID without PTR (reported only)",
        ReconciliationReason.ZoneNotObserved => "in no configured zone",
        ReconciliationReason.ReverseSkippedNameNotOurs => "no PTR: the name is not the client's",
        _ => reason.ToString(),
    };

    public static bool IsConflict(ReconciliationReason reason) => reason is ReconciliationReason.ForwardOwnedByAnotherClient
        or ReconciliationReason.ReverseOwnedByAnotherClient or ReconciliationReason.ForwardHeldWithoutDhcid or ReconciliationReason.ReverseHeldWithoutDhcid;
}
