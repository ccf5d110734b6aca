using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Tests.Support;
using k8s;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Kubernetes.Tests.Informers;

public sealed class InformerTests : IAsyncDisposable
{
    private static readonly InformerOptions Fast = new()
    {
        Namespace = "lab",
        PageSize = 2,
        MinBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        ResyncPeriod = TimeSpan.Zero,
    };

    private readonly ScriptedResourceClient<Widget> _client = new(Widget.Resource);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<InformerEvent<Widget>> _events = [];
    private Task _running = Task.CompletedTask;

    [Fact]
    public async Task It_lists_page_by_page_then_watches_from_the_list_resource_version()
    {
        _client.AnswerListPage(new([Widget.Make("lab", "a", "3"), Widget.Make("lab", "b", "4")], "10", "page-2"));
        _client.AnswerListPage(new([Widget.Make("lab", "c", "5")], "10", null));
        var informer = Start(Fast);

        var watch = await _client.NextWatchAsync();

        Assert.True(informer.HasSynced);
        Assert.Equal("10", watch.ResourceVersion);
        Assert.Equal([("lab", 2, (string?)null), ("lab", 2, "page-2")], _client.ListCalls);
        Assert.Equal(["Added a", "Added b", "Added c"], Seen());
        Assert.Equal(3, informer.Lister.Count);
    }

    [Fact]
    public async Task Watch_events_change_the_cache_and_reach_handlers_with_the_replaced_object()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"), Widget.Make("lab", "b", "4"));
        var informer = Start(Fast);
        var watch = await _client.NextWatchAsync();

        watch.Send(WatchEventType.Added, Widget.Make("lab", "c", "5"));
        watch.Send(WatchEventType.Modified, Widget.Make("lab", "a", "6", color: "red"));
        watch.Send(WatchEventType.Deleted, Widget.Make("lab", "b", "7"));
        await Eventually.HoldsAsync(() => informer.ResourceVersion == "7", "the last event was applied");

        Assert.Equal(["Added a", "Added b", "Added c", "Updated a", "Deleted b"], Seen());
        Assert.Equal("blue", Events()[3].OldObject!.Spec!.Color);
        Assert.Equal("red", informer.Lister.Get("lab", "a")!.Spec!.Color);
        Assert.Null(informer.Lister.Get("lab", "b"));
    }

    [Fact]
    public async Task A_bookmark_moves_the_resource_version_the_next_watch_starts_from_without_an_event()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        var informer = Start(Fast);
        var watch = await _client.NextWatchAsync();

        watch.Send(WatchEventType.Bookmark, new Widget { Metadata = new() { ResourceVersion = "42" } });
        watch.End();
        var next = await _client.NextWatchAsync();

        Assert.Equal("42", next.ResourceVersion);
        Assert.Equal(["Added a"], Seen());
        Assert.Single(_client.ListCalls);
    }

    [Fact]
    public async Task When_the_stream_ends_it_watches_again_from_the_last_event_without_listing()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        Start(Fast);
        var watch = await _client.NextWatchAsync();
        watch.Send(WatchEventType.Modified, Widget.Make("lab", "a", "8"));
        watch.End();

        var next = await _client.NextWatchAsync();

        Assert.Equal("8", next.ResourceVersion);
        Assert.Single(_client.ListCalls);
    }

    [Fact]
    public async Task When_the_stream_fails_it_watches_again_after_a_backoff()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        Start(Fast);
        (await _client.NextWatchAsync()).Fail(new HttpRequestException("connection reset"));
        (await _client.NextWatchAsync()).Fail(new HttpRequestException("connection refused"));

        var third = await _client.NextWatchAsync();

        Assert.Equal("3", third.ResourceVersion);
        Assert.Single(_client.ListCalls);
    }

    [Fact]
    public async Task On_410_Gone_it_lists_again_and_delivers_only_the_differences()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"), Widget.Make("lab", "b", "4"), Widget.Make("lab", "c", "5"));
        var informer = Start(Fast);
        var watch = await _client.NextWatchAsync();
        _client.AnswerListPage(new([Widget.Make("lab", "a", "3"), Widget.Make("lab", "c", "9"), Widget.Make("lab", "d", "11")], "20", null));

        watch.Fail(new ResourceExpiredException());
        var next = await _client.NextWatchAsync();

        Assert.Equal("20", next.ResourceVersion);
        Assert.Equal(2, _client.ListCalls.Count);
        Assert.Equal(["Added a", "Added b", "Added c", "Updated c", "Added d", "Deleted b"], Seen());
        Assert.Equal(["a", "c", "d"], informer.Lister.List().Select(widget => widget.Metadata.Name).Order());
    }

    [Fact]
    public async Task A_failed_list_is_retried_and_sync_waits_for_it()
    {
        _client.FailList(new HttpRequestException("connection refused"));
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        var informer = Start(Fast);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await informer.WaitForSyncAsync(timeout.Token);

        Assert.Equal(2, _client.ListCalls.Count);
        Assert.Equal(["Added a"], Seen());
    }

    [Fact]
    public async Task Resync_redelivers_every_cached_object_without_calling_the_api()
    {
        var time = new FakeTimeProvider();
        _client.AnswerList(Widget.Make("lab", "a", "3"), Widget.Make("lab", "b", "4"));
        var informer = Start(Fast with { ResyncPeriod = TimeSpan.FromMinutes(5) }, time);
        await _client.NextWatchAsync();

        time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.HoldsAsync(() => Events().Count == 4, "the resync was delivered");

        var resync = Events().Skip(2).ToList();
        Assert.All(resync, change => Assert.True(change.IsResync && change.Type == InformerEventType.Updated && ReferenceEquals(change.Object, change.OldObject)));
        Assert.Equal(["a", "b"], resync.Select(change => change.Object.Metadata.Name).Order());
        Assert.Single(_client.ListCalls);
        Assert.Single(_client.WatchCalls);
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public async Task A_throwing_handler_does_not_keep_events_from_other_handlers()
    {
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        var informer = new Informer<Widget>(_client, Fast);
        informer.AddHandler(_ => throw new InvalidOperationException("handler bug"));
        informer.AddHandler(Record);
        _running = informer.RunAsync(_stop.Token);

        await _client.NextWatchAsync();

        Assert.Equal(["Added a"], Seen());
    }

    [Fact]
    public async Task Lists_reconnects_and_events_are_counted()
    {
        using var meters = new RecordingMeterFactory();
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        _client.AnswerList(Widget.Make("lab", "a", "3"));
        var informer = new Informer<Widget>(_client, Fast, meterFactory: meters);
        _running = informer.RunAsync(_stop.Token);
        var watch = await _client.NextWatchAsync();
        watch.Send(WatchEventType.Modified, Widget.Make("lab", "a", "4"));
        watch.Send(WatchEventType.Bookmark, new Widget { Metadata = new() { ResourceVersion = "5" } });
        watch.End();
        (await _client.NextWatchAsync()).Fail(new ResourceExpiredException());
        await _client.NextWatchAsync();

        Assert.Equal(2, meters.Sum("fos1.kubernetes.informer.relists"));
        Assert.Equal(1, meters.Sum("fos1.kubernetes.informer.reconnects"));
        Assert.Equal(1, meters.Sum("fos1.kubernetes.informer.events[Modified]"));
        Assert.Equal(1, meters.Sum("fos1.kubernetes.informer.events[Bookmark]"));
    }

    [Fact]
    public void Backoff_doubles_per_attempt_up_to_the_maximum_and_jitters_within_the_upper_half()
    {
        var min = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(1);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], Enumerable.Range(0, 6).Select(attempt => Backoff.Delay(attempt, min, max, 1).TotalMilliseconds));
        Assert.Equal(50, Backoff.Delay(0, min, max, 0).TotalMilliseconds);
        Assert.Equal(500, Backoff.Delay(9, min, max, 0).TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private Informer<Widget> Start(InformerOptions options, TimeProvider? time = null)
    {
        var informer = new Informer<Widget>(_client, options, time);
        informer.AddHandler(Record);
        _running = informer.RunAsync(_stop.Token);
        return informer;
    }

    private void Record(InformerEvent<Widget> change)
    {
        lock (_events)
        {
            _events.Add(change);
        }
    }

    private List<InformerEvent<Widget>> Events()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }

    private List<string> Seen() => [.. Events().Select(change => $"{change.Type} {change.Object.Metadata.Name}")];
}
