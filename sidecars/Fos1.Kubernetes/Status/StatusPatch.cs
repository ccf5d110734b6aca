using System.Text.Json.Nodes;

namespace Fos1.Kubernetes.Status;

/// <summary>
/// The JSON merge patch (RFC 7386) that turns one status into another. Our serializer leaves null fields out,
/// and a merge patch that omits a field keeps the old value: a field the new status no longer has must be sent
/// as an explicit null, or a zone that stopped being served would keep reporting its old serial.
/// </summary>
public static class StatusPatch
{
    public static JsonObject Between(JsonObject? current, JsonObject next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var patch = (JsonObject)next.DeepClone();
        if (current is not null)
        {
            AddRemovals(current, patch);
        }

        return patch;
    }

    private static void AddRemovals(JsonObject current, JsonObject patch)
    {
        foreach (var (name, value) in current)
        {
            if (!patch.TryGetPropertyValue(name, out var replacement))
            {
                patch[name] = null;
            }
            else if (value is JsonObject currentChild && replacement is JsonObject patchChild)
            {
                AddRemovals(currentChild, patchChild);
            }
        }
    }
}
