using System.Text.Json.Nodes;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Configuration;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kubernetes.Status;

/// <summary>
/// Writes a resource's status through the status subresource as a JSON merge patch of <c>{"status": ...}</c>,
/// with explicit nulls for fields the new status no longer has, and only when it differs from the status the object already has (ignoring lastTransitionTime), so a
/// resync of an unchanged object costs no write and triggers no watch event.
/// </summary>
public sealed class StatusWriter<T, TStatus>
    where T : class, IKubernetesObject<V1ObjectMeta>, IHasStatus<TStatus>
    where TStatus : ResourceStatus
{
    private readonly IResourceClient<T> _client;
    private readonly ILogger _logger;

    public StatusWriter(IResourceClient<T> client, ILogger<StatusWriter<T, TStatus>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? NullLogger<StatusWriter<T, TStatus>>.Instance;
    }

    /// <summary>Writes <paramref name="next"/> unless <paramref name="current"/> already says the same; true when it wrote.</summary>
    public async Task<bool> WriteAsync(T current, TStatus next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (StatusEquality.SameIgnoringTransitionTimes(current.Status, next))
        {
            return false;
        }

        var metadata = current.Metadata ?? throw new ArgumentException("The object has no metadata.", nameof(current));
        var name = metadata.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(current));
        var currentJson = current.Status is null ? null : JsonNode.Parse(KubernetesSerialization.Serialize(current.Status)) as JsonObject;
        var nextJson = (JsonObject)JsonNode.Parse(KubernetesSerialization.Serialize(next))!;
        var patch = new JsonObject { ["status"] = StatusPatch.Between(currentJson, nextJson) };
        await _client.PatchStatusAsync(metadata.NamespaceProperty, name, patch.ToJsonString(), cancellationToken).ConfigureAwait(false);
        var key = ObjectKeys.For(current);
        StatusLog.Wrote(_logger, _client.Kind.Kind, key, next.ObservedGeneration);
        return true;
    }
}
