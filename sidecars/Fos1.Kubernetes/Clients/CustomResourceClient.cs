using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// <see cref="IResourceClient{T}"/> over KubernetesClient's CustomObjects API. Its generated types are not
/// nullable-annotated, so nulls and error shapes are translated here, at our edge.
/// </summary>
public sealed class CustomResourceClient<T> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;
    private readonly ResourceKind _kind;

    public CustomResourceClient(IKubernetes client, ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Group.Length == 0)
        {
            throw new ArgumentException($"{kind} is a core kind; the CustomObjects API serves only /apis groups.", nameof(kind));
        }

        _client = client;
        _kind = kind;

        // The assembly defining T adds its generated JSON metadata to KubernetesJson in its module initializer
        // (Fos1.Crds: CrdJson). A JIT runtime runs that only when code of the assembly first runs, which may be after
        // this client lists T: run it now. (A native build runs every module initializer at start.)
        RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
    }

    public ResourceKind Kind => _kind;

    public async Task<ResourcePage<T>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        try
        {
            using var response = UseNamespace(namespaceName)
                ? await _client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                    _kind.Group, _kind.Version, namespaceName, _kind.Plural, limit: limit, continueParameter: continueToken,
                    cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                    _kind.Group, _kind.Version, _kind.Plural, limit: limit, continueParameter: continueToken,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            var list = response.Body ?? throw new KubernetesClientException($"The list of {_kind} had no body.");
            var items = (list.Items ?? []).Where(item => item is not null).ToList();
            var next = list.Metadata?.ContinueProperty;
            return new ResourcePage<T>(items, list.Metadata?.ResourceVersion ?? "", string.IsNullOrEmpty(next) ? null : next);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
        {
            throw new ResourceExpiredException($"Listing {_kind} answered 410 Gone: {e.Response.Content}", e);
        }
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? namespaceName, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = UseNamespace(namespaceName)
            ? $"/apis/{_kind.Group}/{_kind.Version}/namespaces/{namespaceName}/{_kind.Plural}"
            : $"/apis/{_kind.Group}/{_kind.Version}/{_kind.Plural}";
        var what = $"{_kind} from {resourceVersion}";
        await foreach (var watchEvent in ResourceWatch.ReadAsync(_client, path, resourceVersion, what, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return (watchEvent.Type, ObjectOf(watchEvent, what));
        }
    }

    public async Task<T?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = UseNamespace(namespaceName)
                ? await _client.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(
                    _kind.Group, _kind.Version, namespaceName, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _client.CustomObjects.GetClusterCustomObjectWithHttpMessagesAsync<T>(
                    _kind.Group, _kind.Version, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Body;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<T> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch);
        using var response = UseNamespace(namespaceName)
            ? await _client.CustomObjects.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(
                patch, _kind.Group, _kind.Version, namespaceName, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.CustomObjects.PatchClusterCustomObjectStatusWithHttpMessagesAsync<T>(
                patch, _kind.Group, _kind.Version, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body ?? throw new KubernetesClientException($"Patching the status of {_kind} {name} returned no object.");
    }

    public async Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var metadata = resource.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(resource));
        var name = metadata.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(resource));
        using var response = UseNamespace(metadata.NamespaceProperty)
            ? await _client.CustomObjects.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(
                resource, _kind.Group, _kind.Version, metadata.NamespaceProperty, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.CustomObjects.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync<T>(
                resource, _kind.Group, _kind.Version, _kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body ?? throw new KubernetesClientException($"Replacing the status of {_kind} {name} returned no object.");
    }

    private static T ObjectOf(WatchEvent watchEvent, string what)
    {
        try
        {
            return KubernetesJson.Deserialize<T>(watchEvent.Object)
                ?? throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event carried a null object.");
        }
        catch (JsonException e)
        {
            throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event's object is not a {typeof(T).Name}: {e.Message}", e);
        }
    }

    private bool UseNamespace(string? namespaceName) => _kind.Namespaced && !string.IsNullOrEmpty(namespaceName);
}
