using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// The generated JSON metadata other assemblies included (<see cref="KubernetesSerialization.Include"/>), asked at lookup
/// time, so a kind whose assembly loads after the shared options were first used is still found.
/// </summary>
internal sealed class IncludedMetadata : IJsonTypeInfoResolver
{
    private readonly Lock _gate = new();
    private volatile IJsonTypeInfoResolver[] _resolvers = [];

    public static IncludedMetadata Instance { get; } = new();

    public void Add(IJsonTypeInfoResolver resolver)
    {
        lock (_gate)
        {
            if (!_resolvers.Contains(resolver))
            {
                _resolvers = [.. _resolvers, resolver];
            }
        }
    }

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        foreach (var resolver in _resolvers)
        {
            if (resolver.GetTypeInfo(type, options) is { } info)
            {
                return info;
            }
        }

        return null;
    }
}
