using System.Text.Json.Serialization;
using Fos1.Kubernetes.Resources;

namespace Fos1.Kubernetes.Tests.Support;

/// <summary>A small namespaced kind the tests list, watch and reconcile.</summary>
public sealed class Widget : CustomResource<WidgetSpec, ResourceStatus>
{
    public static readonly ResourceKind Resource = new("test.fos1.io", "v1", "widgets", "Widget");

    public static Widget Make(string? namespaceName, string name, string resourceVersion, string color = "blue", long generation = 1) => new()
    {
        ApiVersion = Resource.ApiVersion,
        Kind = Resource.Kind,
        Metadata = new k8s.Models.V1ObjectMeta
        {
            NamespaceProperty = namespaceName,
            Name = name,
            ResourceVersion = resourceVersion,
            Generation = generation,
        },
        Spec = new WidgetSpec { Color = color },
    };
}

public sealed record WidgetSpec
{
    [JsonPropertyName("color")]
    public string Color { get; init; } = "";

    [JsonPropertyName("secretRef")]
    public string? SecretRef { get; init; }
}
