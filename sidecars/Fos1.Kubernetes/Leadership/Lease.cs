using System.Text.Json.Serialization;
using Fos1.Kubernetes.Json;
using k8s.Models;

namespace Fos1.Kubernetes.Leadership;

/// <summary>A coordination.k8s.io/v1 Lease: our own type so its times are written as MicroTime (6 fractional digits).</summary>
public sealed class Lease
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "coordination.k8s.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Lease";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public LeaseSpec? Spec { get; set; }
}

/// <summary>The spec of a <see cref="Lease"/> (the fields client-go's leader election uses).</summary>
public sealed record LeaseSpec
{
    [JsonPropertyName("acquireTime")]
    [JsonConverter(typeof(Rfc3339Time.MicroConverter))]
    public DateTime? AcquireTime { get; init; }

    [JsonPropertyName("holderIdentity")]
    public string? HolderIdentity { get; init; }

    [JsonPropertyName("leaseDurationSeconds")]
    public int? LeaseDurationSeconds { get; init; }

    [JsonPropertyName("leaseTransitions")]
    public int? LeaseTransitions { get; init; }

    [JsonPropertyName("renewTime")]
    [JsonConverter(typeof(Rfc3339Time.MicroConverter))]
    public DateTime? RenewTime { get; init; }
}
