using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Fos1.Kubernetes.Json;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// The one set of JSON options the layer (de)serializes with: camelCase, nulls left out, RFC 3339 times, metadata from
/// our small generated context (<see cref="KubernetesApiJson"/>) plus every context included by the assemblies that
/// define kinds (<see cref="Include"/>, asked at lookup time, so an inclusion after first use still counts). Never
/// KubernetesClient's KubernetesJson: its context keeps all ~1,000 models in a native binary. Where reflection
/// serialization is on (JIT; tests' own kinds), reflection answers the types no context names.
/// </summary>
public static class KubernetesSerialization
{
    private static readonly Lazy<JsonSerializerOptions> SharedOptions = new(Create);

    /// <summary>The shared options (read-only once used).</summary>
    public static JsonSerializerOptions Options => SharedOptions.Value;

    /// <summary>
    /// Adds generated metadata for more types (our kinds). Idempotent. The assembly defining the types calls it from its
    /// module initializer.
    /// </summary>
    public static void Include(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        IncludedMetadata.Instance.Add(resolver);
    }

    /// <summary>Whether types no context names fall back to reflection metadata (JIT builds only).</summary>
    public static bool UseReflectionMetadata() => JsonSerializer.IsReflectionEnabledByDefault;

    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, Options.GetTypeInfo(value.GetType()));
    }

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, Info<T>());

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize(Info<T>());

    public static ValueTask<T?> DeserializeAsync<T>(Stream json, CancellationToken cancellationToken) =>
        JsonSerializer.DeserializeAsync(json, Info<T>(), cancellationToken);

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new Rfc3339Time.Converter(), new Rfc3339Time.OffsetConverter() },
        };
        options.TypeInfoResolverChain.Add(KubernetesApiJson.Default);
        options.TypeInfoResolverChain.Add(IncludedMetadata.Instance);
        AddReflection(options);
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    private static void AddReflection(JsonSerializerOptions options)
    {
        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            return;
        }

        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
    }
}
