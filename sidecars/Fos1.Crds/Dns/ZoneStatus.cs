using System.Text.Json.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dns;

/// <summary>
/// What a DNSZone or PTRZone serves. Ready reasons: <c>Serving</c>, <c>Invalid</c>, <c>Conflict</c>
/// (another CR serves the zone).
/// </summary>
public sealed record ZoneStatus : ResourceStatus
{
    /// <summary>The apex served, absolute with the trailing dot ("home.arpa.").</summary>
    [JsonPropertyName("zone")]
    public string? Zone { get; init; }

    /// <summary>The SOA serial in effect.</summary>
    [JsonPropertyName("serial")]
    public uint? Serial { get; init; }
}
