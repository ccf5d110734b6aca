namespace Fos1.Kubernetes.Controllers;

public enum ReconcileOutcome
{
    /// <summary>The object matches its spec; nothing more until it (or something mapped to it) changes.</summary>
    Done,

    /// <summary>Reconcile again after <see cref="ReconcileResult.Delay"/> (polling something outside the API).</summary>
    RequeueAfter,

    /// <summary>Retry with the key's growing backoff.</summary>
    Failed,
}

/// <summary>What a reconcile function asks the controller to do next.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileOutcome outcome, TimeSpan delay, string? reason)
    {
        Outcome = outcome;
        Delay = delay;
        Reason = reason;
    }

    public ReconcileOutcome Outcome { get; }

    public TimeSpan Delay { get; }

    /// <summary>Why a reconcile failed (for logs).</summary>
    public string? Reason { get; }

    public static ReconcileResult Done { get; } = new(ReconcileOutcome.Done, TimeSpan.Zero, null);

    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new ReconcileResult(ReconcileOutcome.RequeueAfter, delay, null);
    }

    public static ReconcileResult Failed(string reason) => new(ReconcileOutcome.Failed, TimeSpan.Zero, reason);
}
