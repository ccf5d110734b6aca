using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Resources;

/// <summary>
/// The envelope of a custom resource. KubernetesClient's interfaces need settable apiVersion, kind and
/// metadata, so the envelope is mutable where they demand it; specs and statuses are immutable records.
/// </summary>
public abstract class CustomResource<TSpec, TStatus> : IKubernetesObject<V1ObjectMeta>, IHasStatus<TStatus>
    where TSpec : class
    where TStatus : ResourceStatus
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public TStatus? Status { get; set; }
}
