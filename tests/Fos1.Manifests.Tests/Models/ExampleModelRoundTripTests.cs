using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Manifests.Tests.Crds;
using k8s;

namespace Fos1.Manifests.Tests.Models;

/// <summary>
/// The manifests and the C# models of sidecars/Fos1.Crds agree: every example reads into its model,
/// writes back every field it had, and what the model writes still passes the CRD's schema.
/// </summary>
public sealed class ExampleModelRoundTripTests
{
    public static TheoryData<string> ExampleFiles => new(ManifestFolder.ExampleFiles.Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_deserializes_into_its_CSharp_model_and_reserializes_without_losing_fields(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(ManifestFolder.Examples, file));
        var original = YamlTree.ParseSingle(yaml);

        var written = JsonNode.Parse(ReadAndWrite(original["kind"]!.GetValue<string>(), yaml))!;

        var lost = Missing(original, written, "").ToList();
        Assert.True(lost.Count == 0, $"{file} lost or changed: {string.Join(", ", lost)}");
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void What_a_model_writes_validates_against_the_CRD_openAPIV3Schema_checked_without_an_API_server(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(ManifestFolder.Examples, file));
        var kind = YamlTree.ParseSingle(yaml)["kind"]!.GetValue<string>();

        var result = CustomResourceCheck.Check(JsonNode.Parse(ReadAndWrite(kind, yaml))!);

        Assert.True(result.Violations.Count == 0, $"{file}:{Environment.NewLine}{result.Report}");
    }

    private static string ReadAndWrite(string kind, string yaml) => kind switch
    {
        "DNSZone" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<DnsZone>(yaml, strict: true)),
        "PTRZone" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<PtrZone>(yaml, strict: true)),
        "DNSFilterList" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<DnsFilterList>(yaml, strict: true)),
        "DNSClient" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<DnsClient>(yaml, strict: true)),
        "MDNSReflector" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<MdnsReflector>(yaml, strict: true)),
        "DHCPv4Service" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<DhcpV4Service>(yaml, strict: true)),
        "DHCPv6Service" => KubernetesJson.Serialize(KubernetesYaml.Deserialize<DhcpV6Service>(yaml, strict: true)),
        _ => throw new InvalidOperationException($"no model for kind {kind}"),
    };

    /// <summary>Paths present in <paramref name="expected"/> that <paramref name="actual"/> lacks or changed.</summary>
    private static IEnumerable<string> Missing(JsonNode? expected, JsonNode? actual, string path) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.SelectMany(kv => a.ContainsKey(kv.Key)
            ? Missing(kv.Value, a[kv.Key], FieldPath.Property(path, kv.Key))
            : [FieldPath.Property(path, kv.Key)]),
        (JsonArray e, JsonArray a) when e.Count == a.Count => e.SelectMany((item, i) => Missing(item, a[i], FieldPath.Item(path, i))),
        (JsonValue e, JsonValue a) when e.ToJsonString() == a.ToJsonString() => [],
        _ => [$"{path} ({expected?.ToJsonString()} -> {actual?.ToJsonString()})"],
    };
}
