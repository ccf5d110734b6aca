using Fos1.Kubernetes.Resources;

namespace Fos1.Mdns.Rendering;

/// <summary>
/// The result for one MDNSReflector: its identity, its <paramref name="State"/> with a message for people, and
/// the listed interfaces this node does not have (left out of allow-interfaces).
/// </summary>
public sealed record MdnsReflectorOutcome(
    string Namespace,
    string Name,
    long? Generation,
    MdnsReflectorState State,
    string Message,
    IReadOnlyList<string> UnknownInterfaces)
{
    public const string ReadyCondition = "Ready";

    public bool Ready => State == MdnsReflectorState.Applied;

    /// <summary>The status to write: a Ready condition whose reason is <see cref="State"/>.</summary>
    /// <param name="previous">The status now on the resource: its transition time is kept when Ready did not flip.</param>
    public ResourceStatus ToStatus(DateTimeOffset now, ResourceStatus? previous = null)
    {
        var status = Ready ? "True" : "False";
        var before = previous?.Conditions.FirstOrDefault(c => c.Type == ReadyCondition);
        return new ResourceStatus
        {
            ObservedGeneration = Generation,
            Conditions =
            [
                new Condition
                {
                    Type = ReadyCondition,
                    Status = status,
                    ObservedGeneration = Generation,
                    LastTransitionTime = before?.Status == status ? before.LastTransitionTime : now,
                    Reason = State.ToString(),
                    Message = Message,
                },
            ],
        };
    }
}
