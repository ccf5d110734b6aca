using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fos1.Manifests.Tests.Crds;
using k8s.Models;

namespace Fos1.Manifests.Tests.Kustomize;

/// <summary>
/// kustomize cannot read kea-config/ or corefile-templates/ from inside manifests/, so the bases carry copies
/// (manifests/sync-config.sh). These tests fail when a copy, or an overlay's variant of it, drifts from the original.
/// </summary>
public sealed partial class ConfigCopyTests
{
    private static readonly string[] DdnsSides = ["forward-ddns", "reverse-ddns"];

    private static string Root => ManifestFolder.Root;

    public static TheoryData<string, string> CopiedFolders => new()
    {
        { "kea-config", "manifests/base/dhcp/kea-config" },
        { "corefile-templates", "manifests/base/dns/corefile-templates" },
    };

    [Theory]
    [MemberData(nameof(CopiedFolders))]
    public void The_base_carries_an_exact_copy_of_the_original_files(string original, string copy)
    {
        var originals = Files(original).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();

        Assert.Equal(originals, Files(copy));
        Assert.All(originals, file => Assert.True(
            File.ReadAllBytes(Path.Combine(Root, original, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Root, copy, file))),
            $"{copy}/{file} differs from {original}/{file}: run manifests/sync-config.sh"));
    }

    [Theory]
    [InlineData("kea-dhcp4.conf")]
    [InlineData("kea-dhcp6.conf")]
    public void The_HA_kea_configuration_is_the_original_plus_only_the_HA_hook(string file)
    {
        var ha = File.ReadAllText(Path.Combine(Root, "manifests/overlays/ha/dhcp/kea-config-ha", file));

        Assert.Equal(File.ReadAllText(Path.Combine(Root, "kea-config", file)), HaBlock().Replace(ha, ""));
        var block = Assert.Single(HaBlock().Matches(ha)).Value;
        Assert.Contains("libdhcp_ha.so", block, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"hot-standby\"", block, StringComparison.Ordinal);
        Assert.Contains("\"this-server-name\": \"@THIS_SERVER_NAME@\"", block, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HA_secondary_template_is_the_original_plus_outgoing_transfers()
    {
        var original = File.ReadAllText(Path.Combine(Root, "corefile-templates/zone-secondary.tmpl"));
        var ha = File.ReadAllText(Path.Combine(Root, "manifests/overlays/ha/dns/corefile-templates-ha/zone-secondary.tmpl"));

        Assert.Equal(original + "transfer {\n    to *\n}\n", ha);
    }

    [Fact]
    public void Both_bases_ship_the_same_example_TSIG_key_so_the_kea_sidecar_and_the_dns_sidecar_agree()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(Root, "manifests/base/dhcp/secrets/kea-ddns")),
            File.ReadAllText(Path.Combine(Root, "manifests/base/dns/secrets/kea-ddns")));
    }

    [Fact]
    public async Task The_kea_sidecar_sends_updates_to_the_fixed_address_of_the_dns_update_service()
    {
        var dns = await RenderedObjects.OfAsync(new Kustomization("base/dns"));
        var update = dns.OfType<V1Service>().Single(s => s.Metadata.Name == "fos1-dns-update");
        var d2 = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifests/base/dhcp/kea-sidecar/kea-dhcp-ddns.conf")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

        var servers = DdnsSides
            .SelectMany(side => d2["DhcpDdns"]![side]!["ddns-domains"]!.AsArray())
            .SelectMany(domain => domain!["dns-servers"]!.AsArray())
            .Select(server => $"{server!["ip-address"]}:{server["port"]}")
            .Distinct()
            .ToList();

        Assert.Equal([$"{update.Spec.ClusterIP}:{update.Spec.Ports[0].Port}"], servers);
    }

    [Fact]
    public async Task The_HA_secondaries_transfer_from_the_fixed_address_of_the_primary_service()
    {
        var ha = await RenderedObjects.OfAsync(new Kustomization("overlays/ha/dns"));
        var primary = ha.OfType<V1Service>().Single(s => s.Metadata.Name == "fos1-dns-primary");
        var corefile = ha.OfType<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("fos1-coredns-secondary-", StringComparison.Ordinal)).Data["Corefile"];

        var sources = TransferFrom().Matches(corefile).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal([$"{primary.Spec.ClusterIP}:53"], sources);
    }

    private static List<string> Files(string folder)
    {
        var full = Path.Combine(Root, folder);
        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"      // fos1-ha:begin.*?      // fos1-ha:end\n", RegexOptions.Singleline)]
    private static partial Regex HaBlock();

    [GeneratedRegex(@"transfer from (\S+)")]
    private static partial Regex TransferFrom();
}
