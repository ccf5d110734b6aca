using System.Net;
using System.Runtime.CompilerServices;
using Fos1.Ddns.Leases;
using Microsoft.Extensions.Logging;

namespace Fos1.Kea.Memfile;

/// <summary>
/// Follows Kea's memfile lease file and turns its rows into <see cref="LeaseEvent"/>s. Kea appends one row per
/// lease change; its lease file cleanup (LFC) renames the live file to <c>FILE.1</c>, reopens a fresh <c>FILE</c>,
/// and kea-lfc merges <c>FILE.2</c> + <c>FILE.1</c> into <c>FILE.output</c> -> <c>FILE.completed</c> -> <c>FILE.2</c>.
/// Start-up replays <c>.completed</c> (if LFC stopped before its last rename) or <c>.2</c> then <c>.1</c>, then the
/// live file, last row per address winning. The open handle follows the live file through its rename, so rows
/// written just before a rotation are read from <c>.1</c> before moving to the new file. Two rotations between two
/// reads hide the middle file (kea-lfc merges and deletes it): after every rotation the rotated files are read
/// again and whatever they say differently is reported (<see cref="MemfileCatchUp"/>). Bad rows are logged,
/// counted and skipped.
/// </summary>
public sealed partial class MemfileTail : IDisposable
{
    private readonly MemfileTailOptions _options;
    private readonly MemfileMetrics _metrics;
    private readonly ILogger<MemfileTail> _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<IPAddress, MemfileRow> _current = [];
    private LeaseFileCursor? _live;

    public MemfileTail(MemfileTailOptions options, MemfileMetrics metrics, ILogger<MemfileTail> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The last row per address read so far (deleted leases removed; declined and reclaimed ones kept).</summary>
    public IReadOnlyDictionary<IPAddress, MemfileRow> Current => _current;

    /// <summary>Rows skipped as malformed since construction.</summary>
    public long RejectedRows { get; private set; }

    /// <summary>LFC rotations followed since construction.</summary>
    public long Rotations { get; private set; }

    /// <summary>Rebuilds the lease state from the rotated files and the live file; returns the active leases.</summary>
    public async Task<IReadOnlyList<Lease>> LoadAsync(CancellationToken cancellationToken = default)
    {
        _current.Clear();
        _live?.Dispose();
        // Open the live file first: if LFC renames it while the older files are read, this handle still holds
        // its rows (they may then be read twice, which the last-row-wins replay absorbs).
        _live = LeaseFileCursor.TryOpen(_options.LeaseFile);
        var completed = _options.LeaseFile + ".completed";
        string[] older = File.Exists(completed) ? [completed] : [_options.LeaseFile + ".2", _options.LeaseFile + ".1"];
        foreach (var path in older)
        {
            using var file = LeaseFileCursor.TryOpen(path);
            if (file is not null)
            {
                await ApplyAsync(file, final: true, events: null, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_live is not null)
        {
            await ApplyAsync(_live, final: false, events: null, cancellationToken).ConfigureAwait(false);
        }

        LogLoaded(_options.LeaseFile, _current.Count);
        return [.. _current.Values.Where(row => row.IsActive).Select(row => row.Lease)];
    }

    /// <summary>Reads what Kea wrote since the last call, following an LFC rotation; returns the resulting events in file order.</summary>
    public async Task<IReadOnlyList<LeaseEvent>> PollAsync(CancellationToken cancellationToken = default)
    {
        var events = new List<LeaseEvent>();
        if (_live is null)
        {
            _live = LeaseFileCursor.TryOpen(_options.LeaseFile);
            if (_live is null)
            {
                return events;
            }
        }

        await ApplyAsync(_live, final: false, events, cancellationToken).ConfigureAwait(false);
        var next = LeaseFileCursor.TryOpen(_options.LeaseFile);
        if (next is not null && !_live.IsReplacedBy(next))
        {
            next.Dispose();
        }
        else if (next is not null)
        {
            // Kea closed the old file before renaming it: whatever it holds now is complete.
            await ApplyAsync(_live, final: true, events, cancellationToken).ConfigureAwait(false);
            _live.Dispose();
            _live = next;
            Rotations++;
            _metrics.Rotated();
            LogRotated(_options.LeaseFile);
            var sinceRotation = events.Count;
            await ApplyAsync(_live, final: false, events, cancellationToken).ConfigureAwait(false);
            await CatchUpAsync(events, events.Skip(sinceRotation).Select(e => e.Lease.Address).ToHashSet(), cancellationToken).ConfigureAwait(false);
        }

        return events;
    }

    /// <summary>Polls every <see cref="MemfileTailOptions.PollInterval"/> until cancelled. Call <see cref="LoadAsync"/> first.</summary>
    public async IAsyncEnumerable<LeaseEvent> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<LeaseEvent> events;
            try
            {
                events = await PollAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                LogReadFailed(_options.LeaseFile, e.Message);
                events = [];
            }

            foreach (var leaseEvent in events)
            {
                yield return leaseEvent;
            }

            try
            {
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    public void Dispose() => _live?.Dispose();

    /// <summary>
    /// Compares the rotated files with what was followed and reports the difference as events: the rows of a
    /// middle file that two rotations hid from the tail. Addresses already seen in the new live file are newer
    /// than anything rotated and are left alone.
    /// </summary>
    private async Task CatchUpAsync(List<LeaseEvent> events, HashSet<IPAddress> seenSinceRotation, CancellationToken cancellationToken)
    {
        var rotated = await MemfileCatchUp.ReadRotatedAsync(_options.LeaseFile, cancellationToken).ConfigureAwait(false);

        var now = _time.GetUtcNow();
        var recovered = 0;
        foreach (var change in MemfileCatchUp.Differences(_current, rotated, seenSinceRotation).ToList())
        {
            _current.Apply(change);
            events.Add(change.ToLeaseEvent(now));
            recovered++;
        }

        if (recovered > 0)
        {
            _metrics.RowsRecovered(recovered);
            LogCaughtUp(_options.LeaseFile, recovered);
        }
    }

    private async Task ApplyAsync(LeaseFileCursor file, bool final, List<LeaseEvent>? events, CancellationToken cancellationToken)
    {
        var rows = await MemfileRows.ReadAsync(file, final, (line, error) => Reject(file.Path, line, error), cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        foreach (var row in rows)
        {
            _metrics.RowRead();
            _current.Apply(row);
            events?.Add(row.ToLeaseEvent(now));
        }
    }

    private void Reject(string path, string line, string error)
    {
        RejectedRows++;
        _metrics.RowRejected();
        LogRowRejected(path, error, line.Length > 200 ? line[..200] : line);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped a malformed row of {Path}: {Problem}; row: {Row}")]
    private partial void LogRowRejected(string path, string problem, string row);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Followed a lease file cleanup of {Path}: reading the new live file")]
    private partial void LogRotated(string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Loaded {Count} leases from {Path} and its rotated files")]
    private partial void LogLoaded(string path, int count);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Two lease file cleanups of {Path} fell between two reads: recovered {Count} lease changes from the rotated files")]
    private partial void LogCaughtUp(string path, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not read {Path}: {Problem}; retrying")]
    private partial void LogReadFailed(string path, string problem);
}
