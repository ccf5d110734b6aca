using System.Text.Json.Nodes;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Configuration;

namespace Fos1.Kubernetes.Status;

/// <summary>
/// Compares statuses as the API server would store them (their JSON), ignoring conditions' lastTransitionTime,
/// which <see cref="Conditions.Set"/> already carries over when nothing flipped.
/// </summary>
public static class StatusEquality
{
    public static bool SameIgnoringTransitionTimes(ResourceStatus? current, ResourceStatus next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return current is not null && JsonNode.DeepEquals(Comparable(current), Comparable(next));
    }

    private static JsonNode? Comparable(ResourceStatus status)
    {
        var node = JsonNode.Parse(KubernetesSerialization.Serialize(status));
        if (node?["conditions"] is JsonArray conditions)
        {
            foreach (var condition in conditions.OfType<JsonObject>())
            {
                condition.Remove("lastTransitionTime");
            }
        }

        return node;
    }
}
