namespace Fos1.Outbox.Changes;

/// <summary>What to do with an incoming change given the latest unsent change for the same key.</summary>
public enum CoalesceDecision
{
    /// <summary>Send both, in order.</summary>
    KeepBoth,

    /// <summary>The earlier change is complete without being sent; the incoming one stands.</summary>
    SupersedeEarlier,

    /// <summary>Both are complete without anything being sent.</summary>
    CancelBoth,
}
