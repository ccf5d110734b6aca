using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// One open watch: the event lines still to be written to its HTTP response. The store queues lines under its
/// lock, so every watch sees events in resourceVersion order with no gap between replayed history and live events.
/// </summary>
internal sealed class WatchSubscription(ServedKind served, string? @namespace, Selector selector, bool allowBookmarks)
{
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>(new() { SingleReader = true });

    public ServedKind Served { get; } = served;

    public bool AllowBookmarks { get; } = allowBookmarks;

    /// <summary>True when the watch must end by dropping the connection instead of closing the stream cleanly.</summary>
    public bool Aborted { get; private set; }

    public ChannelReader<string> Lines => lines.Reader;

    public bool Accepts(ServedKind served, JsonObject resource) =>
        served.Key == Served.Key
        && (@namespace is null || UpdateRules.NamespaceOf(resource) == @namespace)
        && selector.Matches(resource);

    public void Enqueue(string line) => lines.Writer.TryWrite(line);

    public void End(bool abort)
    {
        Aborted |= abort;
        lines.Writer.TryComplete();
    }
}
