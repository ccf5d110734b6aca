using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Fos1.Kubernetes.Json;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// <see cref="IResourceClient{T}"/> for core v1 Secrets (TSIG keys, credentials), so a controller can watch the
/// Secrets its objects reference. Secrets have no status subresource; the status calls are not supported.
/// </summary>
public sealed class SecretClient : IResourceClient<V1Secret>
{
    public static readonly ResourceKind Secrets = new("", "v1", "secrets", "Secret");

    private readonly KubernetesApi _client;

    public SecretClient(KubernetesApi client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public ResourceKind Kind => Secrets;

    public async Task<ResourcePage<V1Secret>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        try
        {
            var list = await _client.SendAsync(HttpMethod.Get, CollectionPath(namespaceName) + ListQuery.Of(limit, continueToken), null,
                KubernetesApiJson.Default.V1SecretList, cancellationToken).ConfigureAwait(false);
            var next = list.Metadata?.ContinueProperty;
            return new ResourcePage<V1Secret>(
                [.. (list.Items ?? []).Where(item => item is not null)],
                list.Metadata?.ResourceVersion ?? "",
                string.IsNullOrEmpty(next) ? null : next);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
        {
            throw new ResourceExpiredException($"Listing {Secrets} answered 410 Gone.", e);
        }
    }

    public async IAsyncEnumerable<(WatchEventType Type, V1Secret Object)> WatchAsync(
        string? namespaceName, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = CollectionPath(namespaceName);
        var what = $"{Secrets} from {resourceVersion}";
        await foreach (var watchEvent in ResourceWatch.ReadAsync(_client, path, resourceVersion, what, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            V1Secret? secret;
            try
            {
                secret = watchEvent.Object.Deserialize(KubernetesApiJson.Default.V1Secret);
            }
            catch (JsonException e)
            {
                throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event's object is not a Secret: {e.Message}", e);
            }

            yield return (watchEvent.Type, secret ?? throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event carried a null object."));
        }
    }

    public Task<V1Secret?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        return _client.GetAsync(CollectionPath(namespaceName) + "/" + Uri.EscapeDataString(name), KubernetesApiJson.Default.V1Secret, cancellationToken);
    }

    public Task<V1Secret> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Secrets have no status subresource.");

    public Task<V1Secret> ReplaceStatusAsync(V1Secret resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Secrets have no status subresource.");

    private static string CollectionPath(string? namespaceName) =>
        string.IsNullOrEmpty(namespaceName) ? "/api/v1/secrets" : $"/api/v1/namespaces/{Uri.EscapeDataString(namespaceName)}/secrets";
}
