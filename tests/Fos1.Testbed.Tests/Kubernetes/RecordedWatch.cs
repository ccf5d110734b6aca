using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Resources;
using k8s;

namespace Fos1.Testbed.Tests.Kubernetes;

/// <summary>
/// A watch opened the way our informer opens one (GET the list path with watch=true through the client's HttpClient,
/// one event per line), recording events and ERROR events until the stream ends. A failed request throws
/// <see cref="HttpRequestException"/> with the status code.
/// </summary>
internal sealed class RecordedWatch : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<(WatchEventType Type, JsonObject Object)> events = Channel.CreateUnbounded<(WatchEventType, JsonObject)>();
    private readonly CancellationTokenSource stop = new();

    private RecordedWatch(IKubernetes client, ResourceKind kind, string? resourceVersion, int? timeoutSeconds) =>
        Completion = Task.Run(() => RunAsync(client, kind, resourceVersion, timeoutSeconds));

    public ConcurrentQueue<WatchEvent> Errors { get; } = new();

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
            var kubernetes = (k8s.Kubernetes)client;
            var uri = ResourceWatch.WatchUri(
                kubernetes.BaseUri, $"/apis/{kind.Group}/{kind.Version}/namespaces/{Zones.Namespace}/{kind.Plural}", resourceVersion, timeoutSeconds);
            using var response = await kubernetes.HttpClient.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            using var body = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            while (await body.ReadLineAsync(stop.Token) is { } line)
            {
                var watchEvent = WatchLines.Parse(Encoding.UTF8.GetBytes(line));
                if (watchEvent.Type == WatchEventType.Error)
                {
                    Errors.Enqueue(watchEvent);
                    continue;
                }

                await events.Writer.WriteAsync((watchEvent.Type, (JsonObject)JsonNode.Parse(watchEvent.Object.GetRawText())!));
            }
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }
}
