using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.Testbed.Kubernetes;
using k8s;
using k8s.Autorest;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class TestApiServerReadTests
{
    [Fact]
    public async Task List_returns_the_applied_objects_and_the_latest_resource_version()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("lab", "lab.home.arpa"));
        using var client = server.CreateClient();

        var list = JsonSerializer.SerializeToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural))!;

        Assert.Equal("DNSZoneList", list["kind"]!.GetValue<string>());
        Assert.Equal("dns.fos1.io/v1alpha1", list["apiVersion"]!.GetValue<string>());
        Assert.Equal("2", list["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(["home", "lab"], list["items"]!.AsArray().Select(Zones.Name));
        Assert.Equal(1, server.ListRequests);
        Assert.Equal("GET /apis/dns.fos1.io/v1alpha1/namespaces/lab/dnszones?watch=false", Assert.Single(server.RequestLog));
    }

    [Fact]
    public async Task Get_returns_the_object_with_server_owned_metadata()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();

        var zone = JsonSerializer.SerializeToNode(await client.CustomObjects.GetNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home"))!;

        Assert.Equal("home.arpa", zone["spec"]!["domain"]!.GetValue<string>());
        Assert.Equal("1", Zones.ResourceVersion(zone));
        Assert.Equal(1, Zones.Generation(zone));
        Assert.True(Guid.TryParse(zone["metadata"]!["uid"]!.GetValue<string>(), out _));
        Assert.NotNull(zone["metadata"]!["creationTimestamp"]);
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_a_404_NotFound_status()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.GetNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "absent"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        var status = JsonNode.Parse(error.Response.Content)!;
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
        Assert.Equal(404, status["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_status()
    {
        await using var server = await TestApiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("apis/nothing.example/v1/things", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_pages_with_limit_and_continue_from_one_snapshot()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        foreach (var name in new[] { "a", "b", "c" })
        {
            server.Apply(Zones.Zone(name, $"{name}.home.arpa"));
        }

        using var client = server.CreateClient();
        var first = JsonSerializer.SerializeToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, limit: 2))!;
        server.Apply(Zones.Zone("d", "d.home.arpa"));
        var second = JsonSerializer.SerializeToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, limit: 2,
            continueParameter: first["metadata"]!["continue"]!.GetValue<string>()))!;

        Assert.Equal(["a", "b"], first["items"]!.AsArray().Select(Zones.Name));
        Assert.Equal(1, first["metadata"]!["remainingItemCount"]!.GetValue<int>());
        Assert.Equal(["c"], second["items"]!.AsArray().Select(Zones.Name));
        Assert.Equal("3", second["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Null(second["metadata"]!["continue"]);
    }

    [Fact]
    public async Task A_continue_token_from_before_compaction_is_410_Expired()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("a", "a.home.arpa"));
        server.Apply(Zones.Zone("b", "b.home.arpa"));
        using var client = server.CreateClient();
        var first = JsonSerializer.SerializeToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, limit: 1))!;

        server.CompactHistory();
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, limit: 1,
            continueParameter: first["metadata"]!["continue"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Gone, error.Response.StatusCode);
        Assert.Equal("Expired", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_filters_by_label_equality()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        var labelled = Zones.Zone("home", "home.arpa");
        labelled["metadata"]!["labels"] = new JsonObject { ["tier"] = "edge" };
        server.Apply(labelled);
        server.Apply(Zones.Zone("lab", "lab.home.arpa"));
        using var client = server.CreateClient();

        var list = JsonSerializer.SerializeToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, labelSelector: "tier=edge"))!;

        Assert.Equal(["home"], list["items"]!.AsArray().Select(Zones.Name));
    }

    [Fact]
    public async Task ApplyYaml_keeps_numbers_and_booleans_typed()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);

        var zone = server.ApplyYaml("""
            apiVersion: dns.fos1.io/v1alpha1
            kind: DNSZone
            metadata:
              name: home
              namespace: lab
            spec:
              domain: home.arpa
              ttl: 300
              dynamicUpdates: true
              serial: "7"
            """);

        Assert.Equal(
            """{"domain":"home.arpa","ttl":300,"dynamicUpdates":true,"serial":"7"}""",
            server.Get(Zones.Kind, Zones.Namespace, "home")!["spec"]!.ToJsonString());
        Assert.Equal("1", Zones.ResourceVersion(zone));
    }
}
