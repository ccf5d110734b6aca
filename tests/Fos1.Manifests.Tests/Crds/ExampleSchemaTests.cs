using System.Text.Json.Nodes;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// Every file in manifests/examples (ours and the seed's two) checked against its CRD's
/// openAPIV3Schema and CEL rules; no kube-apiserver runs here.
/// </summary>
public sealed class ExampleSchemaTests
{
    // Verbatim from the seed's dns-dhcp-integration.md ("must apply unchanged").
    private const string SeedDnsZone = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSZone
        metadata:
          name: example-zone
        spec:
          domain: example.com
          ttl: 3600
          records:
            - name: www
              type: A
              value: 192.168.1.10

        """;

    private const string SeedDhcpv4Service = """
        apiVersion: dhcp.fos1.io/v1alpha1
        kind: DHCPv4Service
        metadata:
          name: main-network
        spec:
          subnets:
            - subnet: 192.168.1.0/24
              pools:
                - start: 192.168.1.100
                  end: 192.168.1.200
          dnsupdates:
            enabled: true
            domain: example.local

        """;

    public static TheoryData<string> ExampleFiles => new(ManifestFolder.ExampleFiles.Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_validates_against_its_CRD_openAPIV3Schema_checked_without_an_API_server(string file)
    {
        var documents = YamlTree.ParseFile(Path.Combine(ManifestFolder.Examples, file));

        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            var result = CustomResourceCheck.Check(document);
            Assert.True(result.Violations.Count == 0, $"{file}:{Environment.NewLine}{result.Report}");
        }
    }

    [Theory]
    [InlineData("seed-dnszone.yaml", SeedDnsZone)]
    [InlineData("seed-dhcpv4service.yaml", SeedDhcpv4Service)]
    public void Seed_examples_are_kept_verbatim_and_apply_unchanged(string file, string seed)
    {
        Assert.Equal(seed, File.ReadAllText(Path.Combine(ManifestFolder.Examples, file)));
        Assert.Empty(CustomResourceCheck.Check(seed).Violations);
    }

    [Fact]
    public void Every_kind_has_at_least_two_examples_of_our_own()
    {
        var kinds = ManifestFolder.ExampleFiles
            .Where(f => !Path.GetFileName(f).StartsWith("seed-", StringComparison.Ordinal))
            .SelectMany(YamlTree.ParseFile)
            .GroupBy(d => d["kind"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.All(CustomResourceDefinitions.All, d => Assert.True(kinds.GetValueOrDefault(d.Kind) >= 2, $"{d.Kind}: {kinds.GetValueOrDefault(d.Kind)} examples"));
    }

    [Fact]
    public void Our_examples_use_home_arpa_and_never_a_dot_local_domain()
    {
        // .local belongs to mDNS: only an MDNSReflector's service-type filters may name it.
        var offenders = ManifestFolder.ExampleFiles
            .Where(f => !Path.GetFileName(f).StartsWith("seed-", StringComparison.Ordinal))
            .SelectMany(f => YamlTree.ParseFile(f).SelectMany(d => Strings(d, Path.GetFileName(f))))
            .Where(s => s.Value.EndsWith(".local", StringComparison.Ordinal) || s.Value.EndsWith(".local.", StringComparison.Ordinal))
            .Where(s => !s.Path.Contains("spec.filters[", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(kv => Strings(kv.Value, FieldPath.Property(path, kv.Key))),
        JsonArray array => array.SelectMany((item, i) => Strings(item, FieldPath.Item(path, i))),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [(path, value.GetValue<string>())],
        _ => [],
    };
}
