using System.Text.Json.Nodes;
using Fos1.Testbed.Kubernetes;
using Fos1.Kubernetes.Clients;
using k8s;
using k8s.Autorest;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class TestApiServerWatchTests
{
    [Fact]
    public async Task A_watch_from_a_resource_version_gets_the_later_events_in_order_then_live_ones()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        var from = Zones.ResourceVersion(server.Apply(Zones.Zone("home", "home.arpa")));
        server.Apply(Zones.Zone("lab", "lab.home.arpa"));
        server.Apply(Zones.Zone("home", "home.arpa", ttl: 60));
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, from);
        var replayed = await watch.NextAsync(2);
        server.Delete(Zones.Kind, Zones.Namespace, "lab");
        var live = await watch.NextAsync();

        Assert.Equal(
            [(WatchEventType.Added, "lab", "2"), (WatchEventType.Modified, "home", "3"), (WatchEventType.Deleted, "lab", "4")],
            replayed.Append(live).Select(e => (e.Type, Zones.Name(e.Object), Zones.ResourceVersion(e.Object))));
        Assert.Equal(1, server.WatchRequests);
        Assert.Equal(
            ["GET /apis/dns.fos1.io/v1alpha1/namespaces/lab/dnszones?allowWatchBookmarks=true&resourceVersion=1&watch=true"],
            server.RequestLog);
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_state_as_ADDED()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("home", "home.arpa", ttl: 60));
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, resourceVersion: null);
        var initial = await watch.NextAsync();
        server.Apply(Zones.Zone("lab", "lab.home.arpa"));
        var live = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "home", "2"), (initial.Type, Zones.Name(initial.Object), Zones.ResourceVersion(initial.Object)));
        Assert.Equal((WatchEventType.Added, "lab", "3"), (live.Type, Zones.Name(live.Object), Zones.ResourceVersion(live.Object)));
    }

    [Fact]
    public async Task A_watch_that_allows_bookmarks_receives_one_with_the_current_resource_version()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("other", "other.example").Also(z => z["metadata"]!["namespace"] = "elsewhere"));
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, "2");
        await Eventually.TrueAsync(() => server.OpenWatches == 1, TimeSpan.FromSeconds(10), "the watch is open");
        server.SendBookmarks();
        var bookmark = await watch.NextAsync();

        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(
            """{"kind":"DNSZone","apiVersion":"dns.fos1.io/v1alpha1","metadata":{"resourceVersion":"2"}}""",
            bookmark.Object.ToJsonString());
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_reports_410_Expired_through_onError_and_ends()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        server.Apply(Zones.Zone("home", "home.arpa", ttl: 60));
        server.CompactHistory();
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, "1");
        await watch.EndedAsync();

        var error = Assert.Single(watch.Errors);
        Assert.Equal(410, error.ErrorCode);
        Assert.Equal("Expired", error.Object.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Dropped_watches_end_the_stream_without_an_error()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();
        await using var watch = RecordedWatch.Start(client, Zones.Kind, resourceVersion: null);
        await watch.NextAsync();

        server.DropWatches();
        await watch.EndedAsync();

        Assert.Empty(watch.Errors);
        await Eventually.TrueAsync(() => server.OpenWatches == 0, TimeSpan.FromSeconds(10), "the server forgets the watch");
    }

    [Fact]
    public async Task Aborted_watches_break_the_connection()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();
        await using var watch = RecordedWatch.Start(client, Zones.Kind, resourceVersion: null);
        await watch.NextAsync();

        server.AbortWatches();

        await Assert.ThrowsAnyAsync<IOException>(watch.EndedAsync);
    }

    [Fact]
    public async Task A_watch_ends_cleanly_when_its_timeoutSeconds_run_out()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        server.Apply(Zones.Zone("home", "home.arpa"));
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, "0", timeoutSeconds: 1);
        await watch.NextAsync();
        await watch.EndedAsync();

        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_watch_request_with_an_unparsable_resource_version_is_400()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Serve(Zones.Kind);
        using var client = server.CreateClient();

        await using var watch = RecordedWatch.Start(client, Zones.Kind, "not-a-number");

        var error = await Assert.ThrowsAsync<HttpRequestException>(watch.EndedAsync);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }
}
