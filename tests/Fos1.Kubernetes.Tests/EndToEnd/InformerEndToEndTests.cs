using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Kubernetes.Tests.EndToEnd;

/// <summary>The informer over the real KubernetesClient against the test API server's list/watch protocol.</summary>
public sealed class InformerEndToEndTests : IAsyncDisposable
{
    private static readonly InformerOptions Options = new()
    {
        Namespace = "lab",
        PageSize = 2,
        MinBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        ResyncPeriod = TimeSpan.Zero,
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _events = [];
    private WidgetApi? _api;
    private Task _running = Task.CompletedTask;

    [Fact]
    public async Task It_lists_in_pages_and_sees_objects_added_modified_and_deleted()
    {
        var api = await StartApiAsync();
        api.Apply("lab", "w1", "blue");
        api.Apply("lab", "w2", "blue");
        api.Apply("lab", "w3", "blue");
        api.Apply("other", "elsewhere", "blue");
        var informer = await StartInformerAsync(api, Options);

        api.Apply("lab", "w4", "blue");
        api.Apply("lab", "w1", "red");
        api.Server.Delete(Widget.Resource, "lab", "w2");
        await Eventually.HoldsAsync(() => Seen().Count == 6, "three watch events arrived");

        Assert.Equal(["Added w1", "Added w2", "Added w3", "Added w4", "Updated w1", "Deleted w2"], Seen());
        Assert.Equal("red", informer.Lister.Get("lab", "w1")!.Spec!.Color);
        Assert.Equal(["w1", "w3", "w4"], informer.Lister.List().Select(widget => widget.Metadata.Name).Order());
        Assert.Equal(2, api.Server.ListRequests);
    }

    [Fact]
    public async Task After_the_server_drops_the_watch_it_watches_again_from_where_it_was_with_no_duplicate_events()
    {
        var api = await StartApiAsync();
        api.Apply("lab", "w1", "blue");
        var informer = await StartInformerAsync(api, Options);
        var last = WidgetApi.ResourceVersionOf(api.Apply("lab", "w2", "blue"));
        await Eventually.HoldsAsync(() => Seen().Count == 2, "w2 arrived");

        api.Server.DropWatches();
        await Eventually.HoldsAsync(() => api.Server.WatchRequests == 2, "the informer watched again");
        api.Apply("lab", "w3", "blue");
        await Eventually.HoldsAsync(() => Seen().Count == 3, "w3 arrived");

        Assert.Equal(["Added w1", "Added w2", "Added w3"], Seen());
        Assert.Equal(1, api.Server.ListRequests);
        Assert.Contains($"resourceVersion={last}", api.Server.RequestLog.Last(line => line.Contains("watch=true", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(3, informer.Lister.Count);
    }

    [Fact]
    public async Task After_the_server_aborts_the_connection_it_watches_again()
    {
        var api = await StartApiAsync();
        await StartInformerAsync(api, Options);

        api.Server.AbortWatches();
        await Eventually.HoldsAsync(() => api.Server.WatchRequests == 2, "the informer watched again");
        api.Apply("lab", "w1", "blue");

        await Eventually.HoldsAsync(() => Seen().Count == 1, "w1 arrived");
        Assert.Equal(1, api.Server.ListRequests);
    }

    [Fact]
    public async Task When_its_resource_version_was_compacted_away_it_lists_again_and_delivers_what_it_missed()
    {
        var time = new FakeTimeProvider();
        var api = await StartApiAsync();
        api.Apply("lab", "w1", "blue");
        api.Apply("lab", "w2", "blue");
        var informer = await StartInformerAsync(api, Options, time);

        // With fake time the informer waits out its reconnect backoff until we advance it, so the
        // changes below happen while it is disconnected, and its resourceVersion is then compacted away.
        api.Server.DropWatches();
        api.Server.Delete(Widget.Resource, "lab", "w1");
        api.Apply("lab", "w3", "blue");
        api.Server.CompactHistory();
        await Eventually.HoldsAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            return Seen().Count == 4;
        }, "the informer listed again");

        Assert.Equal(["Added w1", "Added w2", "Added w3", "Deleted w1"], Seen());
        Assert.Equal(2, api.Server.ListRequests);
        Assert.Equal(["w2", "w3"], informer.Lister.List().Select(widget => widget.Metadata.Name).Order());
    }

    [Fact]
    public async Task A_bookmark_carries_the_resource_version_forward_past_changes_it_does_not_watch()
    {
        var api = await StartApiAsync();
        var informer = await StartInformerAsync(api, Options);
        var current = WidgetApi.ResourceVersionOf(api.Apply("other", "elsewhere", "blue"));

        api.Server.SendBookmarks();

        await Eventually.HoldsAsync(() => informer.ResourceVersion == current, "the bookmark arrived");
        Assert.Empty(Seen());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    private async Task<WidgetApi> StartApiAsync() => _api = await WidgetApi.StartAsync();

    private async Task<Informer<Widget>> StartInformerAsync(WidgetApi api, InformerOptions options, TimeProvider? time = null)
    {
        var informer = new Informer<Widget>(api.Widgets, options, time);
        informer.AddHandler(change =>
        {
            lock (_events)
            {
                _events.Add($"{change.Type} {change.Object.Metadata.Name}");
            }
        });
        _running = informer.RunAsync(_stop.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await informer.WaitForSyncAsync(timeout.Token);
        await Eventually.HoldsAsync(() => api.Server.WatchRequests >= 1, "the informer watches");
        return informer;
    }

    private List<string> Seen()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }
}
