using System.Text.Json.Serialization;

namespace Fos1.Kubernetes.Resources;

/// <summary>The status every Fos1 kind shares; kinds with more to report derive from it.</summary>
public record ResourceStatus
{
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<Condition> Conditions { get; set; } = [];
}
