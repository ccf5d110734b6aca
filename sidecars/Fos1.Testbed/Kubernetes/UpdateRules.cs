using System.Globalization;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// What kube-apiserver does to an object on create and update: server-owned metadata, the status subresource split
/// (the main resource ignores <c>.status</c>, <c>/status</c> changes only <c>.status</c>), <c>metadata.generation</c>
/// bumped when anything but metadata and status changes, and optimistic concurrency on <c>resourceVersion</c>.
/// </summary>
internal static class UpdateRules
{
    public static JsonObject Created(ServedKind served, string? @namespace, JsonObject body, DateTimeOffset now)
    {
        var created = (JsonObject)body.DeepClone();
        var metadata = Metadata(created);
        var name = metadata["name"]?.GetValue<string>();
        var generateName = metadata["generateName"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            name = !string.IsNullOrEmpty(generateName)
                ? generateName + Guid.NewGuid().ToString("N")[..5]
                : throw new ApiFailure(ApiStatus.Invalid($"{served.Kind.Kind} is invalid: metadata.name: Required value"));
        }

        if (served.Kind.Namespaced)
        {
            var own = metadata["namespace"]?.GetValue<string>();
            if (own is not null && @namespace is not null && own != @namespace)
            {
                throw new ApiFailure(ApiStatus.BadRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"));
            }

            metadata["namespace"] = @namespace ?? own ?? "default";
        }
        else
        {
            metadata.Remove("namespace");
        }

        Stamp(served, created);
        metadata["name"] = name;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        metadata["generation"] = 1L;
        metadata.Remove("resourceVersion");
        if (served.HasStatusSubresource)
        {
            created.Remove("status");
        }

        return created;
    }

    /// <summary>The object after the write, or null when the write changes nothing (no new resourceVersion, no event).</summary>
    public static JsonObject? Updated(
        ServedKind served, JsonObject existing, JsonObject incoming, WriteScope scope, bool checkResourceVersion)
    {
        var current = ResourceVersionOf(existing);
        var expected = incoming["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (checkResourceVersion && !string.IsNullOrEmpty(expected) && expected != current)
        {
            throw new ApiFailure(ApiStatus.Conflict(served.Resource, NameOf(existing)));
        }

        JsonObject updated;
        if (scope == WriteScope.Status)
        {
            updated = (JsonObject)existing.DeepClone();
            updated["status"] = incoming["status"]?.DeepClone();
        }
        else
        {
            updated = (JsonObject)incoming.DeepClone();
            Stamp(served, updated);
            var metadata = Metadata(updated);
            var old = Metadata(existing);
            foreach (var owned in new[] { "name", "namespace", "uid", "creationTimestamp", "generation" })
            {
                metadata[owned] = old[owned]?.DeepClone();
            }

            if (served.HasStatusSubresource)
            {
                updated["status"] = existing["status"]?.DeepClone();
            }

            if (!JsonNode.DeepEquals(Desired(existing), Desired(updated)))
            {
                metadata["generation"] = (old["generation"]?.GetValue<long>() ?? 0) + 1;
            }
        }

        if (updated["status"] is null)
        {
            updated.Remove("status");
        }

        Metadata(updated)["resourceVersion"] = current;
        return JsonNode.DeepEquals(updated, existing) ? null : updated;
    }

    public static string NameOf(JsonObject resource) => resource["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string? NamespaceOf(JsonObject resource) => resource["metadata"]?["namespace"]?.GetValue<string>();

    public static string ResourceVersionOf(JsonObject resource) =>
        resource["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "";

    public static JsonObject Metadata(JsonObject resource)
    {
        if (resource["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        resource["metadata"] = metadata;
        return metadata;
    }

    private static void Stamp(ServedKind served, JsonObject resource)
    {
        resource["apiVersion"] = served.Kind.ApiVersion;
        resource["kind"] = served.Kind.Kind;
    }

    // Everything that is neither metadata nor status: for CRs that is what metadata.generation counts.
    private static JsonObject Desired(JsonObject resource)
    {
        var desired = (JsonObject)resource.DeepClone();
        desired.Remove("metadata");
        desired.Remove("status");
        return desired;
    }
}
