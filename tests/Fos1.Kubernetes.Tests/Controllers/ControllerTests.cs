using System.Collections.Concurrent;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Queues;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Tests.Support;
using k8s;

namespace Fos1.Kubernetes.Tests.Controllers;

public sealed class ControllerTests : IAsyncDisposable
{
    private static readonly InformerOptions Fast = new()
    {
        MinBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        ResyncPeriod = TimeSpan.Zero,
    };

    private static readonly ControllerOptions Options = new()
    {
        Workers = 3,
        Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) },
    };

    private readonly ScriptedResourceClient<Widget> _widgets = new(Widget.Resource);
    private readonly ConcurrentQueue<ReconcileRequest> _reconciled = new();
    private readonly CancellationTokenSource _stop = new();
    private Controller<Widget>? _controller;
    private Task _running = Task.CompletedTask;

    [Fact]
    public async Task Every_listed_object_is_reconciled_once_the_cache_has_synced()
    {
        _widgets.AnswerList(Widget.Make("lab", "a", "1"), Widget.Make("prod", "b", "2"));
        Start((_, _) => Task.FromResult(ReconcileResult.Done));

        await Eventually.HoldsAsync(() => _reconciled.Count == 2, "both widgets were reconciled");

        Assert.Equal(["lab/a", "prod/b"], _reconciled.Select(request => request.ToString()).Order());
    }

    [Fact]
    public async Task A_reconcile_reads_the_object_from_the_lister()
    {
        _widgets.AnswerList(Widget.Make("lab", "a", "1", color: "green"));
        var colors = new ConcurrentQueue<string?>();
        Start((request, _) =>
        {
            colors.Enqueue(_controller!.Lister.Get(request.Namespace, request.Name)?.Spec?.Color);
            return Task.FromResult(ReconcileResult.Done);
        });

        await Eventually.HoldsAsync(() => !colors.IsEmpty, "the widget was reconciled");

        Assert.Equal(["green"], colors);
    }

    [Fact]
    public async Task A_failed_reconcile_is_retried_until_it_succeeds()
    {
        _widgets.AnswerList(Widget.Make("lab", "a", "1"));
        var attempts = 0;
        Start((_, _) => Task.FromResult(Interlocked.Increment(ref attempts) < 3 ? ReconcileResult.Failed("kea is down") : ReconcileResult.Done));

        await Eventually.HoldsAsync(() => _reconciled.Count == 3, "the third attempt ran");
        Assert.Equal(3, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task A_reconcile_that_throws_is_retried()
    {
        _widgets.AnswerList(Widget.Make("lab", "a", "1"));
        var attempts = 0;
        Start((_, _) => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("bug")
            : Task.FromResult(ReconcileResult.Done));

        await Eventually.HoldsAsync(() => _reconciled.Count == 2, "the retry ran");
    }

    [Fact]
    public async Task RequeueAfter_reconciles_the_object_again_later()
    {
        _widgets.AnswerList(Widget.Make("lab", "a", "1"));
        Start((_, _) => Task.FromResult(_reconciled.Count < 3 ? ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(5)) : ReconcileResult.Done));

        await Eventually.HoldsAsync(() => _reconciled.Count == 3, "the object was reconciled three times");
    }

    [Fact]
    public async Task A_watch_event_queues_the_changed_object()
    {
        _widgets.AnswerList();
        Start((_, _) => Task.FromResult(ReconcileResult.Done));
        var watch = await _widgets.NextWatchAsync();

        watch.Send(WatchEventType.Added, Widget.Make("lab", "new", "7"));

        await Eventually.HoldsAsync(() => _reconciled.Count == 1, "the new widget was reconciled");
        Assert.Equal(new ReconcileRequest("lab", "new"), Assert.Single(_reconciled));
    }

    [Fact]
    public async Task A_change_of_another_kind_reconciles_the_objects_it_maps_to()
    {
        var gadgetKind = new ResourceKind("test.fos1.io", "v1", "gadgets", "Gadget");
        var gadgets = new ScriptedResourceClient<Widget>(gadgetKind);
        gadgets.AnswerList();
        _widgets.AnswerList(Widget.Make("lab", "a", "1"));
        var controller = Start((_, _) => Task.FromResult(ReconcileResult.Done), run: false);
        controller.Watches(new Informer<Widget>(gadgets, Fast), gadget => [new ReconcileRequest("lab", "a"), new ReconcileRequest("lab", $"for-{gadget.Metadata.Name}")]);
        _running = controller.RunAsync(_stop.Token);
        await Eventually.HoldsAsync(() => _reconciled.Count == 1, "the listed widget was reconciled");

        (await gadgets.NextWatchAsync()).Send(WatchEventType.Added, Widget.Make("lab", "g1", "3"));

        await Eventually.HoldsAsync(() => _reconciled.Count == 3, "both mapped widgets were reconciled");
        Assert.Equal(["lab/a", "lab/a", "lab/for-g1"], _reconciled.Select(request => request.ToString()).Order());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _controller?.Dispose();
        _stop.Dispose();
    }

    /// <summary>Builds the controller; runs it too unless the test wires more sources first.</summary>
    private Controller<Widget> Start(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile, bool run = true)
    {
        var informer = new Informer<Widget>(_widgets, Fast);
        _controller = new Controller<Widget>("widgets", informer, (request, token) =>
        {
            _reconciled.Enqueue(request);
            return reconcile(request, token);
        }, Options);
        if (run)
        {
            _running = _controller.RunAsync(_stop.Token);
        }

        return _controller;
    }
}
