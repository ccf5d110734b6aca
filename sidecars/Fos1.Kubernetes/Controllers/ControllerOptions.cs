using Fos1.Kubernetes.Queues;

namespace Fos1.Kubernetes.Controllers;

public sealed record ControllerOptions
{
    /// <summary>Concurrent reconciles (never two for the same object).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>
    /// Whether <see cref="Controller{T}.RunAsync"/> runs the informers it was given. Turn off when informers are
    /// shared between controllers and run by the host.
    /// </summary>
    public bool RunInformers { get; init; } = true;

    public WorkQueueOptions Queue { get; init; } = new();
}
