using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Fos1.Kubernetes.Resources;
using k8s;

namespace Fos1.Testbed.Tests.Kubernetes;

/// <summary>
/// A watch opened the way our informer opens one (ListNamespacedCustomObjectWithHttpMessagesAsync with watch=true
/// and .WatchAsync), recording events and errors until the stream ends.
/// </summary>
internal sealed class RecordedWatch : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<(WatchEventType Type, JsonObject Object)> events = Channel.CreateUnbounded<(WatchEventType, JsonObject)>();
    private readonly CancellationTokenSource stop = new();

    private RecordedWatch(IKubernetes client, ResourceKind kind, string? resourceVersion, int? timeoutSeconds) =>
        Completion = Task.Run(() => RunAsync(client, kind, resourceVersion, timeoutSeconds));

    public ConcurrentQueue<Exception> Errors { get; } = new();

    /// <summary>Completes when the server ends the stream; faults when the connection breaks.</summary>
    public Task Completion { get; }

    public static RecordedWatch Start(IKubernetes client, ResourceKind kind, string? resourceVersion, int? timeoutSeconds = null) =>
        new(client, kind, resourceVersion, timeoutSeconds);

    public async Task<(WatchEventType Type, JsonObject Object)> NextAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        return await events.Reader.ReadAsync(deadline.Token);
    }

    public async Task<List<(WatchEventType Type, JsonObject Object)>> NextAsync(int count)
    {
        var received = new List<(WatchEventType, JsonObject)>();
        for (var i = 0; i < count; i++)
        {
            received.Add(await NextAsync());
        }

        return received;
    }

    public async Task EndedAsync() => await Completion.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Completion.WaitAsync(Patience);
        }
        catch (Exception)
        {
            // The test already asserted what it needed; a cancelled or broken stream is fine here.
        }

        stop.Dispose();
    }

    private async Task RunAsync(IKubernetes client, ResourceKind kind, string? resourceVersion, int? timeoutSeconds)
    {
        try
        {
            var response = client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                kind.Group, kind.Version, Zones.Namespace, kind.Plural,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true,
                cancellationToken: stop.Token);
#pragma warning disable CS0618 // KubernetesClient 21 marks WatchAsync obsolete without a replacement that takes resourceVersion into a typed list.
            await foreach (var (type, item) in response.WatchAsync<JsonElement, object>(Errors.Enqueue, stop.Token))
#pragma warning restore CS0618
            {
                await events.Writer.WriteAsync((type, JsonObject.Create(item)!));
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}
