using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Fos1.Outbox.Journaling;

/// <summary>
/// An append-only file of CRC-framed records with group commit: appends made while one batch is being
/// written and fsynced wait together and share the next fsync. A record's task completes only once it
/// is on disk. A failed write or fsync fails every record of that batch and cuts the file back to its
/// last durable length, so the journal never holds a half-written batch that was reported as failed.
/// </summary>
public sealed partial class Journal : IDisposable
{
    private readonly string _path;
    private readonly string _name;
    private readonly ILogger _logger;
    private readonly OutboxMetrics? _metrics;
    private readonly Action<IReadOnlyList<JournalWrite>, Exception?>? _onBatch;
    // Lock order: _writeLock -> (the owner's lock, in callbacks) -> _bufferLock / _handleLock.
    private readonly object _bufferLock = new();
    private readonly Lock _writeLock = new();
    private readonly Lock _handleLock = new();
    private readonly Thread _flusher;
    private SafeFileHandle _handle;
    private Batch _current = new();
    private long _end;
    private bool _tailDirty;
    private bool _stopping;

    private Journal(string path, string name, SafeFileHandle handle, long end, ILogger logger, OutboxMetrics? metrics,
        Action<IReadOnlyList<JournalWrite>, Exception?>? onBatch)
    {
        _path = path;
        _name = name;
        _handle = handle;
        _end = end;
        _logger = logger;
        _metrics = metrics;
        _onBatch = onBatch;
        _flusher = new Thread(FlushLoop) { IsBackground = true, Name = $"journal-{name}" };
        _flusher.Start();
    }

    /// <summary>
    /// Bytes of the file that hold intact records (the file header included), as of the last finished write.
    /// Read without the write lock: the writer holds that lock through each fsync, and every completion asks
    /// for the length (compaction threshold), so taking it made each completion wait out an fsync on a
    /// thread-pool thread (27 % of the sidecar's busy time under load, bench/RESULTS.md).
    /// </summary>
    public long Length => Volatile.Read(ref _end);

    /// <summary>Bytes cut off at open because the tail was torn or corrupt (0 for a clean file).</summary>
    public long TruncatedBytes { get; private init; }

    /// <summary>
    /// Queues one record; the task completes when it is durable, or fails with
    /// <see cref="JournalWriteException"/> when it could not be written (then it is not in the journal).
    /// </summary>
    public Task AppendAsync(ReadOnlySpan<byte> payload, object? tag = null)
    {
        lock (_bufferLock)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            var batch = _current;
            var relative = batch.Buffer.WrittenCount + JournalFrame.HeaderLength;
            JournalFrame.Write(batch.Buffer, payload);
            batch.Records.Add(new JournalWrite(relative, payload.Length, tag));
            if (batch.Records.Count == 1)
            {
                // Wake the writer; it takes whatever has accumulated by the time it runs.
                Monitor.Pulse(_bufferLock);
            }

            return batch.Done.Task;
        }
    }

    /// <summary>Reads a payload written earlier (offset from replay or <see cref="JournalWrite"/>).</summary>
    public void Read(long offset, Span<byte> destination)
    {
        lock (_handleLock)
        {
            var read = 0;
            while (read < destination.Length)
            {
                var n = RandomAccess.Read(_handle, destination[read..], offset + read);
                if (n == 0)
                {
                    throw new InvalidDataException($"journal '{_path}' ends before offset {offset + read}");
                }

                read += n;
            }
        }
    }

    /// <summary>
    /// Rewrites the journal: <paramref name="copyLive"/> appends the records to keep to the rewriter and
    /// calls <see cref="JournalRewriter.Commit"/>. Appends wait meanwhile; a failure leaves the old file in place.
    /// </summary>
    public void Compact(Action<JournalRewriter> copyLive)
    {
        ArgumentNullException.ThrowIfNull(copyLive);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            var before = _end;
            using var rewriter = new JournalRewriter(this, _path + ".compacting");
            copyLive(rewriter);
            LogCompacted(_logger, _path, before, _end);
            _metrics?.Compacted(_name);
        }
    }

    internal void Install(JournalRewriter rewriter)
    {
        File.Move(rewriter.TempPath, _path, overwrite: true);
        lock (_handleLock)
        {
            _handle.Dispose();
            _handle = rewriter.Handle;
        }

        rewriter.Installed();
        Volatile.Write(ref _end, rewriter.Length);
        _tailDirty = false;
        DirectorySync.Flush(Path.GetDirectoryName(_path)!);
    }

    private void FlushLoop()
    {
        while (true)
        {
            Batch batch;
            lock (_bufferLock)
            {
                while (_current.Records.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_bufferLock);
                }

                batch = _current;
                _current = new Batch();
            }

            lock (_writeLock)
            {
                Write(batch);
            }
        }
    }

    private void Write(Batch batch)
    {
        var started = Stopwatch.GetTimestamp();
        var start = _end;
        try
        {
            if (_tailDirty)
            {
                RandomAccess.SetLength(_handle, _end);
                _tailDirty = false;
            }

            RandomAccess.Write(_handle, batch.Buffer.WrittenSpan, start);
            RandomAccess.FlushToDisk(_handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(batch, e);
            return;
        }

        Volatile.Write(ref _end, start + batch.Buffer.WrittenCount);
        var writes = batch.Records.ConvertAll(r => r with { Offset = start + r.Offset });
        _metrics?.BatchWritten(_name, writes.Count, Stopwatch.GetElapsedTime(started));
        Report(writes, null);
        batch.Done.SetResult();
    }

    private void Fail(Batch batch, Exception e)
    {
        _tailDirty = true;
        try
        {
            // Drop whatever part of the batch reached the file: it was not acknowledged.
            RandomAccess.SetLength(_handle, _end);
            RandomAccess.FlushToDisk(_handle);
            _tailDirty = false;
        }
        catch (IOException)
        {
            // Retried before the next batch; the CRC catches the leftovers should we crash first.
        }

        LogWriteFailed(_logger, e, _path, batch.Records.Count);
        _metrics?.WriteFailed(_name);
        var error = new JournalWriteException(
            $"Could not make {batch.Records.Count} record(s) durable in '{_path}': {e.Message}. They are not in the journal; do not acknowledge their source.", e);
        Report(batch.Records.ConvertAll(r => r with { Offset = -1 }), error);
        batch.Done.SetException(error);
    }

    private void Report(List<JournalWrite> writes, Exception? error)
    {
        try
        {
            _onBatch?.Invoke(writes, error);
        }
        catch (Exception e)
        {
            // The records are durable (or not) whatever the observer thinks; never kill the writer thread.
            LogObserverFailed(_logger, e, _path);
        }
    }

    public void Dispose()
    {
        lock (_bufferLock)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.Pulse(_bufferLock);
        }

        _flusher.Join();
        lock (_writeLock)
        {
            lock (_handleLock)
            {
                _handle.Dispose();
            }
        }
    }

    private sealed class Batch
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public List<JournalWrite> Records { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Journal {Path}: {Records} record(s) could not be made durable")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string path, int records);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Journal {Path} compacted from {Before} to {After} bytes")]
    private static partial void LogCompacted(ILogger logger, string path, long before, long after);

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Journal {Path}: the batch observer failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string path);
}
