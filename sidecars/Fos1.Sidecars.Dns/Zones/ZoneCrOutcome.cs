using Fos1.Crds.Dns;
using Fos1.Kubernetes.Resources;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>
/// The result for one resource: its identity (<paramref name="Kind"/> "DNSZone"/"PTRZone", namespace, name,
/// generation), its <paramref name="State"/> with a message for people, and, when known, the apex and the
/// SOA serial in effect.
/// </summary>
public sealed record ZoneCrOutcome(
    string Kind,
    string Namespace,
    string Name,
    long? Generation,
    ZoneCrState State,
    string Message,
    DnsName? Zone = null,
    uint? Serial = null)
{
    public bool Ready => State == ZoneCrState.Serving;

    /// <summary>The status to write: <c>zone</c>, <c>serial</c> and a Ready condition (reason = <see cref="State"/>).</summary>
    /// <param name="previous">The status now on the resource: its transition time is kept when Ready did not flip.</param>
    public ZoneStatus ToStatus(DateTimeOffset now, ZoneStatus? previous = null)
    {
        var status = Ready ? "True" : "False";
        var before = previous?.Conditions.FirstOrDefault(c => c.Type == "Ready");
        return new ZoneStatus
        {
            ObservedGeneration = Generation,
            Zone = Zone is null ? null : Zone.Text + ".",
            Serial = Serial,
            Conditions =
            [
                new Condition
                {
                    Type = "Ready",
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
