using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// KubernetesClient.Aot (de)serializes through options whose metadata comes from its source-generated context, which
/// knows the Kubernetes models only. Our kinds bring their own generated contexts (<see cref="Include"/>), so the native
/// build needs no reflection. When this assembly loads, KubernetesJson's shared options get a resolver that answers from
/// every context included then or later (each client configuration copies the shared options when it is built), and a
/// JIT build switches them to reflection metadata first (<see cref="UseReflectionMetadata()"/>).
/// </summary>
public static class KubernetesSerialization
{
    private static bool _reflection;

    /// <summary>Runs before any code of this assembly, so before any client configuration copies the shared options.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Each KubernetesClientConfiguration copies KubernetesJson's shared options when it is built, and they freeze at first use: loading this assembly is the one moment guaranteed to come before both.")]
    internal static void Initialize()
    {
        try
        {
            KubernetesJson.AddJsonOptions(options =>
            {
                _reflection = TryUseReflection(options);
                options.TypeInfoResolverChain.Add(IncludedMetadata.Instance);
            });
        }
        catch (InvalidOperationException)
        {
            // Already used (read-only) before this assembly loaded: nothing of ours was (de)serialized yet, and
            // KubernetesClients.Create adds the included metadata to each client it builds.
        }
    }

    /// <summary>
    /// Adds generated metadata for more types (our kinds) to every Kubernetes (de)serialization, including clients built
    /// before. Idempotent. The assembly defining the types calls it from its module initializer.
    /// </summary>
    public static void Include(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        IncludedMetadata.Instance.Add(resolver);
    }

    /// <summary>Adds the included metadata to a client configuration's own copy of the options.</summary>
    internal static void Apply(KubernetesClientConfiguration configuration) =>
        configuration.AddJsonOptions(options =>
        {
            if (!options.TypeInfoResolverChain.Contains(IncludedMetadata.Instance))
            {
                options.TypeInfoResolverChain.Add(IncludedMetadata.Instance);
            }
        });

    /// <summary>Switches one set of options (a copy of KubernetesClient's, in tests) to reflection metadata.</summary>
    [RequiresUnreferencedCode("Reflection metadata: only where reflection serialization is on (not in a trimmed or native build).")]
    [RequiresDynamicCode("Reflection metadata: only where reflection serialization is on (not in a trimmed or native build).")]
    public static void UseReflectionMetadata(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
    }

    /// <summary>
    /// Whether the shared options use reflection metadata: true in a JIT build, false where reflection serialization is
    /// off (trimmed or native build: generated metadata only). Why reflection in a JIT build: KubernetesClient's context
    /// answers every type through one generated method that names all ~1,000 Kubernetes models, and JIT-compiling it
    /// touches every one of them, although a sidecar (de)serializes a handful of types (Lease, Secret, our kinds):
    /// about 4 MiB of idle RSS (bench/Fos1.Bench.Footprint, kea + Kubernetes). Reflection builds metadata only for the
    /// types used, from the same attributes and converters, and writes the same bytes.
    /// </summary>
    public static bool UseReflectionMetadata() => _reflection;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    private static bool TryUseReflection(JsonSerializerOptions options)
    {
        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            return false;
        }

        UseReflectionMetadata(options);
        return true;
    }
}
