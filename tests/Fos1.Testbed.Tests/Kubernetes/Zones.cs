using System.Text.Json.Nodes;
using Fos1.Kubernetes.Resources;

namespace Fos1.Testbed.Tests.Kubernetes;

/// <summary>The kind and objects the API server tests use: DNSZones in the "lab" namespace.</summary>
internal static class Zones
{
    public const string Namespace = "lab";

    public static ResourceKind Kind { get; } = new("dns.fos1.io", "v1alpha1", "dnszones", "DNSZone");

    public static JsonObject Zone(string name, string domain, int ttl = 300) => new()
    {
        ["apiVersion"] = "dns.fos1.io/v1alpha1",
        ["kind"] = "DNSZone",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject { ["domain"] = domain, ["ttl"] = ttl },
    };

    public static string Name(JsonNode? resource) => resource!["metadata"]!["name"]!.GetValue<string>();

    public static string ResourceVersion(JsonNode? resource) =>
        resource!["metadata"]!["resourceVersion"]!.GetValue<string>();

    public static long Generation(JsonNode? resource) => resource!["metadata"]!["generation"]!.GetValue<long>();
}
