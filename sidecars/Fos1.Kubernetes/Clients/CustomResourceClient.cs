using System.Runtime.CompilerServices;
using System.Text.Json;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Configuration;
using k8s;
using k8s.Exceptions;
using k8s.Models;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// <see cref="IResourceClient{T}"/> for a custom resource over plain HTTP (<see cref="KubernetesApi"/>). KubernetesClient's
/// types are not nullable-annotated, so nulls and error shapes are translated here, at our edge.
/// </summary>
public sealed class CustomResourceClient<T> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubernetesApi _client;
    private readonly ResourceKind _kind;

    public CustomResourceClient(KubernetesApi client, ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Group.Length == 0)
        {
            throw new ArgumentException($"{kind} is a core kind; the CustomObjects API serves only /apis groups.", nameof(kind));
        }

        _client = client;
        _kind = kind;

        // The assembly defining T adds its generated JSON metadata to ours in its module initializer
        // (Fos1.Crds: CrdJson). A JIT runtime runs that only when code of the assembly first runs, which may be after
        // this client lists T: run it now. (A native build runs every module initializer at start.)
        RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
    }

    public ResourceKind Kind => _kind;

    public Task<ResourcePage<T>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken) =>
        ResourceCollection.ListAsync<CustomResourceList<T>, T>(
            _client, _kind, CollectionPath(namespaceName), limit, continueToken, KubernetesSerialization.Info<CustomResourceList<T>>(), cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? namespaceName, string resourceVersion, CancellationToken cancellationToken) =>
        ResourceCollection.WatchAsync(_client, _kind, CollectionPath(namespaceName), resourceVersion, KubernetesSerialization.Info<T>(), cancellationToken);

    public Task<T?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken) =>
        _client.GetAsync(ObjectPath(namespaceName, name), KubernetesSerialization.Info<T>(), cancellationToken);

    public Task<T> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        _client.SendAsync(HttpMethod.Patch, ObjectPath(namespaceName, name) + "/status", mergePatchJson, KubernetesSerialization.Info<T>(),
            cancellationToken, "application/merge-patch+json");

    public Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(resource));
        var name = metadata.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(resource));
        var body = JsonSerializer.Serialize(resource, KubernetesSerialization.Info<T>());
        return _client.SendAsync(HttpMethod.Put, ObjectPath(metadata.NamespaceProperty, name) + "/status", body, KubernetesSerialization.Info<T>(), cancellationToken);
    }

    private bool UseNamespace(string? namespaceName) => _kind.Namespaced && !string.IsNullOrEmpty(namespaceName);

    private string CollectionPath(string? namespaceName) => UseNamespace(namespaceName)
        ? $"/apis/{_kind.Group}/{_kind.Version}/namespaces/{Uri.EscapeDataString(namespaceName!)}/{_kind.Plural}"
        : $"/apis/{_kind.Group}/{_kind.Version}/{_kind.Plural}";

    private string ObjectPath(string? namespaceName, string name) => CollectionPath(namespaceName) + "/" + Uri.EscapeDataString(name);
}
