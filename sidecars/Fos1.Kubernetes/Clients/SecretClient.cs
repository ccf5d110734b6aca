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
/// <see cref="IResourceClient{T}"/> for core v1 Secrets (TSIG keys, credentials), so a controller can watch the
/// Secrets its objects reference. Secrets have no status subresource; the status calls are not supported.
/// </summary>
public sealed class SecretClient : IResourceClient<V1Secret>
{
    public static readonly ResourceKind Secrets = new("", "v1", "secrets", "Secret");

    private readonly IKubernetes _client;

    public SecretClient(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public ResourceKind Kind => Secrets;

    public async Task<ResourcePage<V1Secret>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        try
        {
            using var response = string.IsNullOrEmpty(namespaceName)
                ? await _client.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(
                    limit: limit, continueParameter: continueToken, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(
                    namespaceName, limit: limit, continueParameter: continueToken, cancellationToken: cancellationToken).ConfigureAwait(false);
            var list = response.Body;
            var next = list?.Metadata?.ContinueProperty;
            return new ResourcePage<V1Secret>(
                [.. (list?.Items ?? []).Where(item => item is not null)],
                list?.Metadata?.ResourceVersion ?? "",
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
        var path = string.IsNullOrEmpty(namespaceName) ? "/api/v1/secrets" : $"/api/v1/namespaces/{namespaceName}/secrets";
        var what = $"{Secrets} from {resourceVersion}";
        await foreach (var watchEvent in ResourceWatch.ReadAsync(_client, path, resourceVersion, what, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            V1Secret? secret;
            try
            {
                secret = KubernetesJson.Deserialize<V1Secret>(watchEvent.Object);
            }
            catch (JsonException e)
            {
                throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event's object is not a Secret: {e.Message}", e);
            }

            yield return (watchEvent.Type, secret ?? throw new KubernetesClientException($"Watching {what}: a {watchEvent.Type} event carried a null object."));
        }
    }

    public async Task<V1Secret?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        try
        {
            using var response = await _client.CoreV1.ReadNamespacedSecretWithHttpMessagesAsync(name, namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Body;
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<V1Secret> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Secrets have no status subresource.");

    public Task<V1Secret> ReplaceStatusAsync(V1Secret resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Secrets have no status subresource.");
}
