using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Fos1.Ddns;
using Fos1.Outbox;
using Fos1.Zones.Journal;
using Microsoft.Extensions.Logging;

namespace Fos1.Zones.Store;

/// <summary>
/// The dns sidecar's durable zones. Restart = load each zone's last snapshot (or its static definition)
/// + replay its journal. <b>No update is acknowledged before it is durable:</b> <see cref="CommitAsync"/>
/// completes only after the entry is fsynced in the journal, and the new version becomes visible to
/// readers (<see cref="Current"/>) at that same moment, never earlier. Zone files follow, coalesced.
/// Thread-safe; readers never take a lock. Each zone must have a single writer (see <see cref="Latest"/>).
/// Zones can be added and removed at runtime (<see cref="AddZoneAsync"/>, <see cref="RemoveZoneAsync"/>).
/// </summary>
public sealed partial class ZoneStore : IAsyncDisposable
{
    private readonly ZoneStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ZoneStoreMetrics? _metrics;
    private readonly OutboxMetrics? _journalMetrics;
    private readonly Lock _watchersLock = new();
    private volatile ImmutableDictionary<DnsName, ZoneSlot> _slots = ImmutableDictionary<DnsName, ZoneSlot>.Empty;
    private ImmutableWatchers _watchers = new([]);
    private int _disposed;

    private ZoneStore(IEnumerable<ZoneDefinition> definitions, ZoneStoreOptions options, ILogger logger, ZoneStoreMetrics? metrics,
        OutboxMetrics? journalMetrics)
    {
        _options = options;
        _logger = logger;
        _metrics = metrics;
        _journalMetrics = journalMetrics;
        var slots = new Dictionary<DnsName, ZoneSlot>();
        try
        {
            foreach (var definition in definitions)
            {
                if (slots.ContainsKey(definition.Origin))
                {
                    throw new ArgumentException($"zone {definition.Origin} is defined twice", nameof(definitions));
                }

                var slot = ZoneSlot.Open(definition, options, logger, metrics, journalMetrics, Publish);
                slots.Add(definition.Origin, slot);
                slot.RepairNow();

                // The publish directory gets every zone at start, before any update.
                slot.ScheduleWrite();
            }
        }
        catch
        {
            foreach (var slot in slots.Values)
            {
                slot.AbandonAsync().GetAwaiter().GetResult();
            }

            throw;
        }

        _slots = slots.ToImmutableDictionary();
        metrics?.ObserveRecords(() => _slots.Values.Select(slot => new System.Diagnostics.Metrics.Measurement<long>(
            slot.Current.RecordCount, new KeyValuePair<string, object?>("zone", slot.Origin.ToString()))).ToList());
    }

    /// <summary>The zones served right now (a snapshot; zones may be added or removed at runtime).</summary>
    public IReadOnlyCollection<DnsName> Zones => [.. _slots.Keys];

    /// <summary>Opens the store; the directory is owned by this process (its journals are locked).</summary>
    public static ZoneStore Open(ZoneStoreOptions options, IEnumerable<ZoneDefinition> definitions, ILogger logger,
        ZoneStoreMetrics? metrics = null, OutboxMetrics? journalMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(options.Directory);
        AtomicFile.DeleteTemporaries(options.Directory);
        if (options.PublishDirectory is { } publish)
        {
            Directory.CreateDirectory(publish);
            AtomicFile.DeleteTemporaries(publish);
        }

        return new ZoneStore(definitions, options, logger, metrics, journalMetrics);
    }

    /// <summary>The newest durable version of <paramref name="zone"/>: what every reader answers from.</summary>
    /// <exception cref="KeyNotFoundException">The store has no such zone.</exception>
    public Zone Current(DnsName zone) => Slot(zone).Current;

    public bool TryGetCurrent(DnsName zone, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Zone? current)
    {
        current = _slots.TryGetValue(zone, out var slot) ? slot.Current : null;
        return current is not null;
    }

    /// <summary>
    /// The newest accepted version, including commits not yet durable. Only the zone's single writer uses
    /// it, to build the next update on (so updates of one zone pipeline through one group commit); if an
    /// update it built on fails to be made durable, the later ones fail too.
    /// </summary>
    public Zone Latest(DnsName zone) => Slot(zone).Latest;

    /// <summary>
    /// Journals <paramref name="entry"/> (built on <see cref="Latest"/>); completes once it is fsynced and
    /// visible. Acknowledge the client only after this task completes. Fails with
    /// <see cref="Fos1.Outbox.Journaling.JournalWriteException"/> when it could not be made durable (then it is not applied).
    /// </summary>
    /// <exception cref="InvalidOperationException">The entry does not start from the newest accepted version.</exception>
    public Task CommitAsync(UpdateJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Slot(entry.Zone).CommitAsync(entry);
    }

    /// <summary>
    /// Zone changes from now on (registered at the call, not at the first MoveNext), for NOTIFY and caches.
    /// A slow reader never blocks commits; bursts may be reported as their last serial only.
    /// </summary>
    public IAsyncEnumerable<ZoneChange> WatchAsync(CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ZoneChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_watchersLock)
        {
            Volatile.Write(ref _watchers, new ImmutableWatchers([.. _watchers.Writers, channel.Writer]));
        }

        return Read(channel, cancellationToken);
    }

    /// <summary>Completes when the zone files for every change so far are written (tests, orderly shutdown).</summary>
    public Task WhenWrittenAsync() => Task.WhenAll(_slots.Values.Select(s => s.WhenWritten()));

    /// <summary>True when the store serves exactly <paramref name="zone"/>.</summary>
    public bool Contains(DnsName zone) => _slots.ContainsKey(zone);

    /// <summary>Waits for pending commits, writes the final snapshots and closes the journals.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // No zone joins or leaves while the last snapshots are written.
            await _membership.WaitAsync().ConfigureAwait(false);
            await Task.WhenAll(_slots.Values.Select(s => s.StopAsync())).ConfigureAwait(false);
            _membership.Release(); // later AddZoneAsync/RemoveZoneAsync calls see the store disposed
            CompleteWatchers();
        }
    }

    /// <summary>Test hook: release the files the way a killed process does, without a final snapshot or compaction.</summary>
    internal async Task AbandonAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _membership.WaitAsync().ConfigureAwait(false);
            await Task.WhenAll(_slots.Values.Select(s => s.AbandonAsync())).ConfigureAwait(false);
            _membership.Release();
            CompleteWatchers();
        }
    }

    private ZoneSlot Slot(DnsName zone) =>
        _slots.TryGetValue(zone, out var slot) ? slot : throw new KeyNotFoundException($"the store has no zone {zone}");

    private void Publish(ZoneChange change)
    {
        foreach (var writer in Volatile.Read(ref _watchers).Writers)
        {
            writer.TryWrite(change);
        }
    }

    private void CompleteWatchers()
    {
        foreach (var writer in Volatile.Read(ref _watchers).Writers)
        {
            writer.TryComplete();
        }
    }

    private async IAsyncEnumerable<ZoneChange> Read(Channel<ZoneChange> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_watchersLock)
            {
                Volatile.Write(ref _watchers, new ImmutableWatchers([.. _watchers.Writers.Where(w => w != channel.Writer)]));
            }
        }
    }

    private sealed record ImmutableWatchers(ChannelWriter<ZoneChange>[] Writers);
}
