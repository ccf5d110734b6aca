using System.Text.Json.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Dhcp;

/// <summary>
/// What Kea runs with. Ready reasons: <c>Applied</c>, <c>Rejected</c> (with Kea's message), <c>Invalid</c>,
/// <c>KeaUnreachable</c>.
/// </summary>
public sealed record DhcpServiceStatus : ResourceStatus
{
    /// <summary>The metadata.generation Kea runs with.</summary>
    [JsonPropertyName("appliedGeneration")]
    public long? AppliedGeneration { get; init; }

    /// <summary>Hash of the rendered configuration Kea accepted, "sha256:...".</summary>
    [JsonPropertyName("configHash")]
    public string? ConfigHash { get; init; }
}
