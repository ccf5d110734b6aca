using System.Text.Json;
using System.Text.Json.Serialization;
using Fos1.Kubernetes.Leadership;
using k8s.Models;

namespace Fos1.Kubernetes.Json;

/// <summary>
/// Compile-time JSON metadata for the few built-in Kubernetes types the layer reads and writes. KubernetesClient's own
/// context names all ~1,000 models in one method, so referencing it keeps every model in a native binary (~20 MiB of
/// idle RSS); this one names only what we use. Our kinds add theirs through <see cref="KubernetesSerialization.Include"/>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(Rfc3339Time.Converter), typeof(Rfc3339Time.OffsetConverter)])]
[JsonSerializable(typeof(V1Secret))]
[JsonSerializable(typeof(V1SecretList))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(V1ObjectMeta))]
[JsonSerializable(typeof(V1ListMeta))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class KubernetesApiJson : JsonSerializerContext;
