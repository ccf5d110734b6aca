using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// Listing and watching one collection path, the same for every kind: a list page with its continue token and
/// resourceVersion (410 Gone -> <see cref="ResourceExpiredException"/>), and watch events decoded into objects (an
/// object that does not decode ends the watch with an error instead of being skipped).
/// </summary>
internal static class ResourceCollection
{
    public static async Task<ResourcePage<T>> ListAsync<TList, T>(
        KubernetesApi api, ResourceKind kind, string collectionPath, int limit, string? continueToken, JsonTypeInfo<TList> info,
        CancellationToken cancellationToken)
        where TList : class, IKubernetesObject<V1ListMeta>, IItems<T>
    {
        try
        {
            var list = await api.SendAsync(HttpMethod.Get, collectionPath + ListQuery.Of(limit, continueToken), null, info, cancellationToken)
                .ConfigureAwait(false);
            var next = list.Metadata?.ContinueProperty;
            return new ResourcePage<T>(
                [.. (list.Items ?? []).Where(item => item is not null)],
                list.Metadata?.ResourceVersion ?? "",
                string.IsNullOrEmpty(next) ? null : next);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
        {
            throw new ResourceExpiredException($"Listing {kind} answered 410 Gone: {e.Response.Content}", e);
        }
    }

    public static async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync<T>(
        KubernetesApi api, ResourceKind kind, string collectionPath, string resourceVersion, JsonTypeInfo<T> info,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var what = $"{kind} from {resourceVersion}";
        await foreach (var watchEvent in ResourceWatch.ReadAsync(api, collectionPath, resourceVersion, what, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            T? resource;
            try
            {
                resource = watchEvent.Object.Deserialize(info);
            }
            catch (JsonException e)
            {
                throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event's object is not a {kind.Kind}: {e.Message}", e);
            }

            yield return (watchEvent.Type, resource ?? throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event carried a null object."));
        }
    }
}
