namespace Fos1.Kubernetes.Queues;

/// <summary>Per-key retry backoff of a <see cref="WorkQueue{TKey}"/>: BaseDelay * 2^(failures-1), capped at MaxDelay.</summary>
public sealed record WorkQueueOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);
}
