using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.Kubernetes.Resources;
using Fos1.Testbed.Kubernetes;
using k8s;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class TestApiServerScopeTests
{
    private static readonly ResourceKind Reflector = new("dns.fos1.io", "v1alpha1", "mdnsreflectors", "MDNSReflector", Namespaced: false);

    [Fact]
    public async Task A_cluster_scoped_kind_is_listed_and_read_without_a_namespace()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Reflector);
        server.Apply(new JsonObject
        {
            ["apiVersion"] = "dns.fos1.io/v1alpha1",
            ["kind"] = "MDNSReflector",
            ["metadata"] = new JsonObject { ["name"] = "lan" },
            ["spec"] = new JsonObject { ["interfaces"] = new JsonArray("eth0", "eth1") },
        });
        using var client = server.CreateClient();

        var list = JsonSerializer.SerializeToNode(await client.CustomObjects.ListClusterCustomObjectAsync(
            Reflector.Group, Reflector.Version, Reflector.Plural))!;
        var reflector = JsonSerializer.SerializeToNode(await client.CustomObjects.GetClusterCustomObjectAsync(
            Reflector.Group, Reflector.Version, Reflector.Plural, "lan"))!;

        Assert.Equal(["lan"], list["items"]!.AsArray().Select(Zones.Name));
        Assert.Null(reflector["metadata"]!["namespace"]);
        Assert.Equal("""["eth0","eth1"]""", reflector["spec"]!["interfaces"]!.ToJsonString());
    }

    [Fact]
    public async Task Listing_a_namespaced_kind_across_namespaces_returns_every_namespace()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("away", "away.home.arpa").Also(z => z["metadata"]!["namespace"] = "elsewhere"));
        using var client = server.CreateClient();

        var list = JsonSerializer.SerializeToNode(await client.CustomObjects.ListCustomObjectForAllNamespacesAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Kind.Plural))!;

        Assert.Equal(
            [("elsewhere", "away"), ("lab", "home")],
            list["items"]!.AsArray().Select(i => (i!["metadata"]!["namespace"]!.GetValue<string>(), Zones.Name(i))));
    }

    [Fact]
    public async Task ApplyStatus_replaces_only_the_status_and_Apply_ignores_it()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa").Also(z => z["status"] = new JsonObject { ["observedGeneration"] = 5 }));

        var withStatus = server.ApplyStatus(
            Zones.Zone("home", "ignored.example").Also(z => z["status"] = new JsonObject { ["observedGeneration"] = 1 }));

        Assert.Equal("home.arpa", withStatus["spec"]!["domain"]!.GetValue<string>());
        Assert.Equal("""{"observedGeneration":1}""", withStatus["status"]!.ToJsonString());
        Assert.Equal(("2", 1L), (Zones.ResourceVersion(withStatus), Zones.Generation(withStatus)));
    }
}
