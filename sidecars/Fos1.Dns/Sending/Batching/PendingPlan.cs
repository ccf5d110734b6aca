using Fos1.Ddns.Updates;

namespace Fos1.Dns.Sending.Batching;

/// <summary>One caller's plan waiting for, or riding in, an UPDATE; its caller awaits <see cref="Outcome"/>.</summary>
internal sealed class PendingPlan(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<UpdateOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UpdateMessagePlan Plan { get; } = plan;

    public DnsUpdateTarget Target { get; } = target;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The caller's token: it ends the caller's wait, and the plan's own send when it goes alone.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public PlanFootprint Footprint { get; } = PlanFootprint.Of(plan);

    public Task<UpdateOutcome> Outcome => _outcome.Task;

    public void Answer(UpdateOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);

    public void Cancel() => _outcome.TrySetCanceled(CancellationToken);
}
