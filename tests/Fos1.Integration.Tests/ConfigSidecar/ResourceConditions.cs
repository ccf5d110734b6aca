using System.Text.Json.Nodes;
using Fos1.Kubernetes.Resources;
using Fos1.Testbed.Kubernetes;

namespace Fos1.Integration.Tests.ConfigSidecar;

/// <summary>Reads a condition as the test API server stores it.</summary>
internal static class ResourceConditions
{
    public sealed record Seen(string Status, string Reason, string Message, long? ObservedGeneration);

    public static Seen? Find(TestApiServer server, ResourceKind kind, string @namespace, string name, string type = "Ready")
    {
        var conditions = server.Get(kind, @namespace, name)?["status"]?["conditions"] as JsonArray;
        var condition = conditions?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        return condition is null
            ? null
            : new Seen((string)condition["status"]!, (string)condition["reason"]!, (string?)condition["message"] ?? "", (long?)condition["observedGeneration"]);
    }

    public static string Describe(TestApiServer server, ResourceKind kind, string @namespace, string name) =>
        server.Get(kind, @namespace, name)?.ToJsonString() ?? $"{kind.Kind} {@namespace}/{name} does not exist";
}
