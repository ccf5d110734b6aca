using System.Collections.Concurrent;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Kubernetes.Tests.Support;

namespace Fos1.Kubernetes.Tests.EndToEnd;

/// <summary>A controller that reconciles widgets and writes their status through the status subresource.</summary>
public sealed class ControllerEndToEndTests
{
    [Fact]
    public async Task The_controller_writes_observed_generation_and_Ready_and_skips_writes_that_change_nothing()
    {
        await using var api = await WidgetApi.StartAsync();
        api.Apply("lab", "w1", "blue");
        var writes = new ConcurrentQueue<(long? Generation, bool Wrote)>();
        var writer = new StatusWriter<Widget, ResourceStatus>(api.Widgets);
        var informer = new Informer<Widget>(api.Widgets, new InformerOptions { Namespace = "lab", ResyncPeriod = TimeSpan.Zero });
        Controller<Widget>? controller = null;
        controller = new Controller<Widget>("widgets", informer, async (request, cancellationToken) =>
        {
            if (controller!.Lister.Get(request.Namespace, request.Name) is not { } widget)
            {
                return ReconcileResult.Done;
            }

            var generation = widget.Metadata.Generation;
            var next = new ResourceStatus
            {
                ObservedGeneration = generation,
                Conditions = Conditions.Set(
                    widget.Status?.Conditions ?? [],
                    Conditions.Ready(generation, "Painted", $"painted {widget.Spec!.Color}"),
                    DateTimeOffset.UtcNow),
            };
            writes.Enqueue((generation, await writer.WriteAsync(widget, next, cancellationToken)));
            return ReconcileResult.Done;
        });
        using var stop = new CancellationTokenSource();
        var running = controller.RunAsync(stop.Token);

        // Our own status write comes back as a MODIFIED event; that reconcile must find nothing to write.
        await Eventually.HoldsAsync(() => writes.Contains((1, false)), "the controller saw its own status write");
        Assert.Equal([(1L, true), (1L, false)], writes.Select(write => (write.Generation ?? 0, write.Wrote)).Distinct());
        Assert.Single(api.Server.RequestLog, line => line.StartsWith("PATCH", StringComparison.Ordinal));
        var status = api.Server.Get(Widget.Resource, "lab", "w1")!["status"]!;
        Assert.Equal(1, status["observedGeneration"]!.GetValue<long>());
        Assert.Equal("Ready", status["conditions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("True", status["conditions"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("painted blue", status["conditions"]![0]!["message"]!.GetValue<string>());
        var firstTransition = status["conditions"]![0]!["lastTransitionTime"]!.GetValue<string>();

        api.Apply("lab", "w1", "red");
        await Eventually.HoldsAsync(
            () => api.Server.Get(Widget.Resource, "lab", "w1")!["status"]!["observedGeneration"]!.GetValue<long>() == 2,
            "the new generation was observed");

        var repainted = await api.Widgets.GetAsync("lab", "w1", CancellationToken.None);
        var ready = Assert.Single(repainted!.Status!.Conditions);
        Assert.Equal(("True", 2L, "painted red"), (ready.Status, ready.ObservedGeneration ?? 0, ready.Message));
        Assert.Equal(DateTimeOffset.Parse(firstTransition, System.Globalization.CultureInfo.InvariantCulture), ready.LastTransitionTime);

        await stop.CancelAsync();
        await running;
        controller.Dispose();
    }
}
