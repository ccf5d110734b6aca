using Microsoft.Extensions.Logging;

namespace Fos1.Kea.Hooks;

/// <summary>
/// Consumes the spool the hook script fills: every file, in name order (= arrival order, the script names
/// them by clock), is parsed, its events handed to the <see cref="LeaseEventSink"/>, and the file deleted
/// once the sink acknowledged. inotify (FileSystemWatcher) wakes the loop; a periodic rescan covers lost
/// events. Delivery is at-least-once: a crash between acknowledgement and delete repeats that file's
/// events, which are idempotent downstream. Unparseable files go to rejected/ and never stop the others.
/// </summary>
public sealed partial class HookSpoolWatcher : IDisposable
{
    private readonly HookSpoolOptions _options;
    private readonly LeaseEventSink _sink;
    private readonly HookSpoolMetrics _metrics;
    private readonly ILogger<HookSpoolWatcher> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0, 1);

    // Files that could be neither consumed nor moved (permissions): skipped instead of retried forever.
    private readonly HashSet<string> _stuck = new(StringComparer.Ordinal);

    public HookSpoolWatcher(
        HookSpoolOptions options,
        LeaseEventSink sink,
        HookSpoolMetrics metrics,
        ILogger<HookSpoolWatcher> logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _sink = sink;
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Watches until cancelled. Files already in the spool (from before a restart) are consumed first.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        EnsureDirectories();
        using var watcher = new FileSystemWatcher(_options.Directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName,
        };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException().Message);
            Wake();
        };
        watcher.EnableRaisingEvents = true;
        LogWatching(_options.Directory);

        while (!cancellationToken.IsCancellationRequested)
        {
            HookSpoolPass pass;
            try
            {
                pass = await DrainAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The directory itself is unreadable (unmounted volume?): keep trying, never crash the host.
                LogScanFailed(_options.Directory, e.Message);
                pass = new HookSpoolPass(0, 0, Blocked: true);
            }

            try
            {
                await WaitAsync(pass.Blocked ? _options.RetryDelay : _options.RescanInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One scan: consumes every file present now, in name order; stops early only when the sink fails.</summary>
    public async Task<HookSpoolPass> DrainAsync(CancellationToken cancellationToken)
    {
        EnsureDirectories();
        DeleteStaleTemporaryFiles();
        var files = Directory.EnumerateFiles(_options.Directory)
            .Where(path => !Path.GetFileName(path).StartsWith('.') && !_stuck.Contains(path))
            .Order(StringComparer.Ordinal)
            .ToList();
        var consumed = 0;
        var rejected = 0;
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(path, e.Message);
                _stuck.Add(path);
                continue;
            }

            var result = HookEventParser.Parse(bytes, _time.GetUtcNow());
            if (!result.IsSuccess)
            {
                Reject(path, result.Error);
                rejected++;
                continue;
            }

            if (result.Events.Count > 0)
            {
                try
                {
                    await _sink(result.Events, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    _metrics.ConsumerFailed();
                    LogConsumerFailed(Path.GetFileName(path), e);
                    return new HookSpoolPass(consumed, rejected, Blocked: true);
                }
            }

            foreach (var leaseEvent in result.Events)
            {
                _metrics.Event(leaseEvent.Kind);
            }

            _metrics.Consumed(result.HookPoint);
            Delete(path);
            consumed++;
        }

        return new HookSpoolPass(consumed, rejected, Blocked: false);
    }

    public void Dispose() => _wake.Dispose();

    private void EnsureDirectories()
    {
        Directory.CreateDirectory(_options.Directory);
        Directory.CreateDirectory(_options.TemporaryDirectory);
        Directory.CreateDirectory(_options.RejectedDirectory);
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up covers any number of new files.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.WaitAsync(linked.Token);
        var elapsed = Task.Delay(timeout, _time, linked.Token);
        await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await Task.WhenAll(woken, elapsed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race was cancelled above.
        }
    }

    private void Reject(string path, HookParseError error)
    {
        _metrics.Rejected(error.Kind);
        var name = Path.GetFileName(path);
        try
        {
            File.Move(path, Path.Combine(_options.RejectedDirectory, name), overwrite: true);
            LogRejected(name, error.Kind, error.Message);
        }
        catch (FileNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stuck.Add(path);
            LogRejectMoveFailed(name, error.Kind, error.Message, e.Message);
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Consumed but not deletable: skip it from now on, or its events would repeat every pass.
            _stuck.Add(path);
            LogDeleteFailed(Path.GetFileName(path), e.Message);
        }
    }

    private void DeleteStaleTemporaryFiles()
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - _options.StaleTemporaryFileAge;
        foreach (var path in Directory.EnumerateFiles(_options.TemporaryDirectory))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < cutoff)
                {
                    File.Delete(path);
                    _metrics.StaleTemporaryFileDeleted();
                    LogStaleTemporaryFile(Path.GetFileName(path));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(path, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Consuming Kea hook events from the spool {Directory}")]
    private partial void LogWatching(string directory);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Moved hook spool file {File} to rejected/: {Reason}: {Detail}")]
    private partial void LogRejected(string file, HookParseErrorKind reason, string detail);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Hook spool file {File} is unparseable ({Reason}: {Detail}) and could not be moved to rejected/: {Problem}; skipping it")]
    private partial void LogRejectMoveFailed(string file, HookParseErrorKind reason, string detail, string problem);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "The lease event consumer failed on hook spool file {File}; it stays in the spool and is retried")]
    private partial void LogConsumerFailed(string file, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Hook spool file {Path} cannot be read: {Problem}; skipping it")]
    private partial void LogUnreadable(string path, string problem);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Hook spool file {File} was consumed but cannot be deleted: {Problem}; skipping it until restart")]
    private partial void LogDeleteFailed(string file, string problem);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Deleted half-written hook spool file tmp/{File}: the hook script died before renaming it")]
    private partial void LogStaleTemporaryFile(string file);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "inotify on the hook spool failed ({Problem}); rescanning")]
    private partial void LogWatcherError(string problem);

    [LoggerMessage(EventId = 208, Level = LogLevel.Error, Message = "Cannot scan the hook spool {Directory}: {Problem}; retrying")]
    private partial void LogScanFailed(string directory, string problem);
}
