using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.Testbed.Kubernetes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class TestApiServerWriteTests
{
    [Fact]
    public async Task Create_stores_the_object_and_a_second_create_is_409_AlreadyExists()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        using var client = server.CreateClient();

        var created = JsonSerializer.SerializeToNode(await client.CustomObjects.CreateNamespacedCustomObjectAsync(
            Zones.Zone("home", "home.arpa"), Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural))!;
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.CreateNamespacedCustomObjectAsync(
            Zones.Zone("home", "home.arpa"), Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural));

        Assert.Equal("1", Zones.ResourceVersion(created));
        Assert.Equal("home.arpa", server.Get(Zones.Kind, Zones.Namespace, "home")!["spec"]!["domain"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("AlreadyExists", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_merge_patch_changes_only_status()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();
        var patch = new V1Patch(
            """{"spec":{"domain":"evil.example"},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}""",
            V1Patch.PatchType.MergePatch);

        var patched = JsonSerializer.SerializeToNode(await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            patch, Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home"))!;

        Assert.Equal("home.arpa", patched["spec"]!["domain"]!.GetValue<string>());
        Assert.Equal(
            """{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}""",
            patched["status"]!.ToJsonString());
        Assert.Equal(1, Zones.Generation(patched));
        Assert.Equal("2", Zones.ResourceVersion(patched));
    }

    [Fact]
    public async Task A_spec_change_bumps_generation_and_status_on_the_main_resource_is_ignored()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.ApplyStatus(Zones.Zone("home", "home.arpa").Also(z => z["status"] = new JsonObject { ["observedGeneration"] = 1 }));
        using var client = server.CreateClient();

        var patched = JsonSerializer.SerializeToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"ttl":60},"status":{"observedGeneration":9}}""", V1Patch.PatchType.MergePatch),
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home"))!;
        var unchanged = server.Apply(Zones.Zone("home", "home.arpa", ttl: 60));

        Assert.Equal(60, patched["spec"]!["ttl"]!.GetValue<int>());
        Assert.Equal(1, patched["status"]!["observedGeneration"]!.GetValue<int>());
        Assert.Equal(2, Zones.Generation(patched));
        Assert.Equal("3", Zones.ResourceVersion(unchanged));
    }

    [Fact]
    public async Task Json_patch_applies_operations_in_order()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();

        var patched = JsonSerializer.SerializeToNode(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(
                """[{"op":"test","path":"/spec/ttl","value":300},{"op":"replace","path":"/spec/ttl","value":30},{"op":"add","path":"/spec/records","value":["a"]},{"op":"add","path":"/spec/records/-","value":"b"}]""",
                V1Patch.PatchType.JsonPatch),
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home"))!;

        Assert.Equal("""{"domain":"home.arpa","ttl":30,"records":["a","b"]}""", patched["spec"]!.ToJsonString());
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_409_Conflict()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        var stale = server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("home", "home.arpa", ttl: 60));
        using var client = server.CreateClient();
        stale["spec"]!["ttl"] = 10;

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
            stale, Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", JsonNode.Parse(error.Response.Content)!["reason"]!.GetValue<string>());
        Assert.Equal(60, server.Get(Zones.Kind, Zones.Namespace, "home")!["spec"]!["ttl"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_removes_the_object()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Zones.Kind.Group, Zones.Kind.Version, Zones.Namespace, Zones.Kind.Plural, "home");

        Assert.Null(server.Get(Zones.Kind, Zones.Namespace, "home"));
        Assert.False(server.Delete(Zones.Kind, Zones.Namespace, "home"));
    }
}
