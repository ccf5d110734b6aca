namespace Fos1.Ddns.Reconciliation;

/// <summary>What the plan does about one finding.</summary>
public enum ReconciliationAction
{
    Add,
    Remove,

    /// <summary>Reported only: a conflict, a record without DHCID, or something that cannot be compared.</summary>
    Leave,
}
