using System.Text.Json.Serialization;

namespace Fos1.Kubernetes.Resources;

/// <summary>
/// One status condition, shaped like <c>metav1.Condition</c>: <see cref="Type"/> (Ready, Degraded...),
/// <see cref="Status"/> "True"/"False"/"Unknown", a CamelCase <see cref="Reason"/> and a human message.
/// </summary>
public sealed record Condition
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("lastTransitionTime")]
    public DateTimeOffset LastTransitionTime { get; init; }

    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}
