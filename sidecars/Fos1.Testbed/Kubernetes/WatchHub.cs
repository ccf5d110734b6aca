using System.Globalization;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// The event history (what etcd keeps until compaction) and the open watches. Not thread-safe on its own:
/// <see cref="ResourceStore"/> calls it only under its lock, which is what keeps replay and live events in order.
/// </summary>
internal sealed class WatchHub
{
    private readonly List<(long ResourceVersion, ServedKind Served, string Type, JsonObject Resource)> history = [];
    private readonly List<WatchSubscription> watches = [];
    private long compactedAt;

    public int OpenWatches => watches.Count;

    public void Record(long resourceVersion, ServedKind served, string type, JsonObject resource)
    {
        history.Add((resourceVersion, served, type, resource));
        var line = WatchEvents.Line(type, resource);
        foreach (var watch in watches.Where(w => w.Accepts(served, resource)))
        {
            watch.Enqueue(line);
        }
    }

    /// <summary>Opens a watch that first replays the history after <paramref name="from"/>; expired history throws 410.</summary>
    public WatchSubscription Open(WatchSubscription watch, long from)
    {
        if (from < compactedAt)
        {
            throw new ApiFailure(ApiStatus.Expired(
                string.Create(CultureInfo.InvariantCulture, $"too old resource version: {from} ({compactedAt})")));
        }

        foreach (var (resourceVersion, served, type, resource) in history)
        {
            if (resourceVersion > from && watch.Accepts(served, resource))
            {
                watch.Enqueue(WatchEvents.Line(type, resource));
            }
        }

        watches.Add(watch);
        return watch;
    }

    /// <summary>Opens a watch that starts with the current state as ADDED events (no resourceVersion, or "0").</summary>
    public WatchSubscription Open(WatchSubscription watch, IEnumerable<JsonObject> current)
    {
        foreach (var resource in current)
        {
            watch.Enqueue(WatchEvents.Line(WatchEvents.Added, resource));
        }

        watches.Add(watch);
        return watch;
    }

    public void Close(WatchSubscription watch)
    {
        watches.Remove(watch);
        watch.End(abort: false);
    }

    public void Compact(long resourceVersion)
    {
        history.Clear();
        compactedAt = resourceVersion;
    }

    public void Bookmark(long resourceVersion)
    {
        foreach (var watch in watches.Where(w => w.AllowBookmarks))
        {
            watch.Enqueue(WatchEvents.BookmarkLine(watch.Served, resourceVersion));
        }
    }

    public void EndAll(bool abort)
    {
        foreach (var watch in watches)
        {
            watch.End(abort);
        }

        watches.Clear();
    }
}
