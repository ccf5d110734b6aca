using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// Points KubernetesClient's shared JSON options at reflection metadata instead of its source-generated context.
/// Why: that context answers every type through one generated method (31 KB of IL) that names all ~1,000 Kubernetes
/// models, and JIT-compiling it touches every one of them, although a sidecar (de)serializes a handful of types
/// (Lease, Status, watch events, our CRDs): about 2 MiB of idle RSS (bench/Fos1.Bench.Footprint, kea + Kubernetes).
/// Reflection builds metadata only for the types actually used, from the same [JsonPropertyName] attributes and the
/// same converters. Under NativeAOT or a trimmed build (reflection serialization off) nothing changes.
/// </summary>
public static class KubernetesSerialization
{
    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Switches one set of options (a copy of KubernetesClient's, in tests) to reflection metadata.</summary>
    [RequiresUnreferencedCode("Reflection metadata: only where reflection serialization is on (not in a trimmed or native build).")]
    [RequiresDynamicCode("Reflection metadata: only where reflection serialization is on (not in a trimmed or native build).")]
    public static void UseReflectionMetadata(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
    }

    /// <summary>
    /// Call before the first Kubernetes (de)serialization in the process. Returns false when it could not apply:
    /// reflection serialization is disabled, or the shared options were already in use (then they stay as they were).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Returns before it when reflection serialization is off, as in every trimmed or native (AOT) build.")]
    public static bool UseReflectionMetadata()
    {
        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            return false;
        }

        lock (Gate)
        {
            if (_done)
            {
                return true;
            }

            try
            {
                KubernetesJson.AddJsonOptions(UseReflectionMetadata);
                _done = true;
            }
            catch (InvalidOperationException)
            {
                // The options are read-only once used: keep the client's own resolver.
            }

            return _done;
        }
    }
}
