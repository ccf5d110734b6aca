using Fos1.Kubernetes.Json;
using Fos1.Kubernetes.Resources;
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

    public Task<ResourcePage<V1Secret>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken) =>
        ResourceCollection.ListAsync<V1SecretList, V1Secret>(
            _client, Secrets, CollectionPath(namespaceName), limit, continueToken, KubernetesApiJson.Default.V1SecretList, cancellationToken);

    public IAsyncEnumerable<(WatchEventType Type, V1Secret Object)> WatchAsync(
        string? namespaceName, string resourceVersion, CancellationToken cancellationToken) =>
        ResourceCollection.WatchAsync(_client, Secrets, CollectionPath(namespaceName), resourceVersion, KubernetesApiJson.Default.V1Secret, cancellationToken);

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
