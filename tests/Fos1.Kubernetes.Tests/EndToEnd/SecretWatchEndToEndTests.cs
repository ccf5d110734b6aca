using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Tests.Support;

namespace Fos1.Kubernetes.Tests.EndToEnd;

public sealed class SecretWatchEndToEndTests
{
    private const string BySecret = "bySecret";

    [Fact]
    public async Task A_changed_secret_reconciles_the_widgets_that_reference_it()
    {
        await using var api = await WidgetApi.StartAsync();
        api.Server.Serve(SecretClient.Secrets);
        api.Server.Apply(Secret("tsig", "c2VjcmV0"));
        api.Server.Apply(WidgetWithSecret("uses-tsig", "tsig"));
        api.Server.Apply(WidgetWithSecret("uses-other", "other"));
        var options = new InformerOptions { Namespace = "lab", ResyncPeriod = TimeSpan.Zero };
        var widgets = new Informer<Widget>(api.Widgets, options);
        widgets.Lister.AddIndex(BySecret, widget => widget.Spec?.SecretRef is { } secret ? [secret] : []);
        var reconciled = new ConcurrentQueue<string>();
        using var controller = new Controller<Widget>("widgets", widgets, (request, _) =>
        {
            reconciled.Enqueue(request.Name);
            return Task.FromResult(ReconcileResult.Done);
        });
        controller.Watches(
            new Informer<k8s.Models.V1Secret>(new SecretClient(api.Client), options),
            secret => widgets.Lister.ByIndex(BySecret, secret.Metadata.Name).Select(ReconcileRequest.For));
        using var stop = new CancellationTokenSource();
        var running = controller.RunAsync(stop.Token);
        // Workers start once every cache has synced, so the initial events collapse into one reconcile per widget.
        await Eventually.HoldsAsync(() => reconciled.Count == 2, "each widget was reconciled once");

        api.Server.Apply(Secret("tsig", "bmV3LXNlY3JldA=="));

        await Eventually.HoldsAsync(() => reconciled.Count(name => name == "uses-tsig") == 2, "the secret change reached its widget");
        Assert.Equal(1, reconciled.Count(name => name == "uses-other"));
        await stop.CancelAsync();
        await running;
    }

    private static JsonObject Secret(string name, string key) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["namespace"] = "lab", ["name"] = name },
        ["data"] = new JsonObject { ["key"] = key },
    };

    private static JsonObject WidgetWithSecret(string name, string secret) => new()
    {
        ["apiVersion"] = Widget.Resource.ApiVersion,
        ["kind"] = Widget.Resource.Kind,
        ["metadata"] = new JsonObject { ["namespace"] = "lab", ["name"] = name },
        ["spec"] = new JsonObject { ["color"] = "blue", ["secretRef"] = secret },
    };
}
