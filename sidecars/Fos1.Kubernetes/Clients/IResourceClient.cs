using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// The few API calls the informer, controllers and status writer make for one kind. A null namespaceName means
/// all namespaces (or a cluster-scoped kind). Implementations translate 410 Gone into
/// <see cref="ResourceExpiredException"/> so the informer knows to re-list.
/// </summary>
public interface IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The kind these calls address (for logs and metrics).</summary>
    ResourceKind Kind { get; }

    /// <summary>One page of a list; pass the previous page's <see cref="ResourcePage{T}.Continue"/> to get the next.</summary>
    Task<ResourcePage<T>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken);

    /// <summary>
    /// Events after <paramref name="resourceVersion"/>, bookmarks included. The sequence ends when the server
    /// closes the stream; a 410 Gone (as an HTTP status or an ERROR event) throws <see cref="ResourceExpiredException"/>.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(string? namespaceName, string resourceVersion, CancellationToken cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<T?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken);

    /// <summary>Applies a JSON merge patch (e.g. <c>{"status":{...}}</c>) to the status subresource.</summary>
    Task<T> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken);

    /// <summary>Replaces the status subresource with the object's status (optimistic concurrency on its resourceVersion).</summary>
    Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken);
}
