using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Dispatch;

/// <summary>
/// Runs many name changes at once but never two for the same client (DHCID), the same name or the
/// same address at the same time, and never out of arrival order among those: a release cannot
/// overtake the add it undoes, and a name or address passing from one client to the next is
/// removed for the first before it is added for the second (instead of the add losing to the
/// not-yet-removed owner as a conflict).
/// </summary>
public sealed partial class NameChangeDispatcher(
    NameChangeRunner runner,
    DdnsMetrics metrics,
    TimeProvider time,
    ILogger<NameChangeDispatcher> logger,
    int maxInFlight) : IDisposable
{
    private readonly ChangeOrdering<Received> _ordering = new(r => r.Keys, maxInFlight);
    private readonly List<Task> _workers = [];
    // Changes taken out of the queue (running or waiting behind a busy key) are at most twice the in-flight
    // limit: enough to keep every slot busy past a hot key, few enough that a backlog stays in the durable
    // queue, where a later change for the same name still supersedes an earlier unsent one (outbox coalescing).
    private readonly SemaphoreSlim _held = new(HeldLimit(maxInFlight), HeldLimit(maxInFlight));
    private int _unfinished;

    /// <summary>Raised after each change finishes (tests and the local stack watch it).</summary>
    public event Action<TransactionResult>? Finished;

    /// <summary>Changes received and not yet finished.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    public async Task RunAsync(IPendingChanges queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            while (true)
            {
                await queue.WaitForPendingAsync(cancellationToken).ConfigureAwait(false);

                // Take only what may be held now; the rest stays in the durable queue.
                await _held.WaitAsync(cancellationToken).ConfigureAwait(false);
                var permits = 1;
                while (permits < maxInFlight && _held.Wait(0, CancellationToken.None))
                {
                    permits++;
                }

                var taken = queue.Take(permits);
                if (taken.Count < permits)
                {
                    _held.Release(permits - taken.Count);
                }

                foreach (var queued in taken)
                {
                    Interlocked.Increment(ref _unfinished);
                    metrics.Received();
                    var received = new Received(queued, time.GetTimestamp());
                    IReadOnlyList<Received> startable;
                    lock (_ordering)
                    {
                        startable = _ordering.Arrive(received);
                    }

                    Start(queue, startable, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        while (true)
        {
            Task[] running;
            lock (_workers)
            {
                running = [.. _workers];
            }

            if (running.Length == 0)
            {
                break;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            lock (_workers)
            {
                _workers.RemoveAll(t => t.IsCompleted);
            }
        }
    }

    private void Start(IPendingChanges queue, IReadOnlyList<Received> startable, CancellationToken cancellationToken)
    {
        if (startable.Count == 0)
        {
            return;
        }

        lock (_workers)
        {
            _workers.RemoveAll(t => t.IsCompleted);
            foreach (var received in startable)
            {
                _workers.Add(Task.Run(() => WorkAsync(queue, received, cancellationToken), CancellationToken.None));
            }
        }
    }

    private async Task WorkAsync(IPendingChanges queue, Received received, CancellationToken cancellationToken)
    {
        try
        {
            await RunOneAsync(queue, received, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: unfinished changes stay in the durable queue and run again at the next start.
            return;
        }

        _held.Release();
        IReadOnlyList<Received> startable;
        lock (_ordering)
        {
            startable = _ordering.Finish(received);
        }

        Start(queue, startable, cancellationToken);
    }

    private async Task RunOneAsync(IPendingChanges queue, Received received, CancellationToken cancellationToken)
    {
        var change = received.Queued.Change;
        TransactionResult result;
        try
        {
            result = await runner.RunAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must cost one change, never the dispatcher; the change stays queued for the next start.
            Interlocked.Decrement(ref _unfinished);
            metrics.Abandoned();
            LogCrashed(e, change.Kind, change.Fqdn, change.Address);
            return;
        }

        // DNS is done with this change: its slot goes to the next one while the completion waits for its
        // fsync (~3.5 ms here, the largest part of a change's time in the sidecar). Its keys stay busy until
        // the completion is durable, so a later change of the same client, name or address still starts
        // only after it, exactly as before.
        IReadOnlyList<Received> startable;
        lock (_ordering)
        {
            startable = _ordering.Vacate(received);
        }

        Start(queue, startable, cancellationToken);
        await queue.CompleteAsync(received.Queued, result, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(received.Timestamp);
        metrics.Finished(result, elapsed);
        if (received.Queued.ReceivedAt is { } arrival)
        {
            metrics.Applied(result, time.GetUtcNow() - arrival);
        }

        Log(result, elapsed);
        Interlocked.Decrement(ref _unfinished);
        Finished?.Invoke(result);
    }

    private void Log(TransactionResult result, TimeSpan elapsed)
    {
        var change = result.Change;
        var level = result.Outcome switch
        {
            TransactionOutcome.Completed or TransactionOutcome.NothingToDo => LogLevel.Information,
            TransactionOutcome.Conflict => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var last = result.LastStep is null ? "none" : $"{result.LastStep.Kind} -> {result.LastResponseCode}";
        LogFinished(level, change.Kind, change.Fqdn.Text, change.Address, result.Outcome,
            result.Sides.ForwardZone?.Text ?? "-", result.Forward, result.Sides.ReverseZone?.Text ?? "-", result.Reverse,
            last, elapsed.TotalMilliseconds, change.Dhcid);
    }

    public void Dispose() => _held.Dispose();

    /// <summary>How many changes the dispatcher holds out of the queue at most (running or waiting for a key).</summary>
    public static int HeldLimit(int maxInFlight) => 2 * maxInFlight;

    private sealed record Received(QueuedChange Queued, long Timestamp)
    {
        /// <summary>What two changes must not hold at once: the client, the name, the address.</summary>
        public IReadOnlyList<object> Keys { get; } =
            [Queued.Change.Dhcid, Queued.Change.Fqdn, Queued.Change.Address];
    }

    // The one line per lease change an operator greps for: lease (address, client DHCID), name, zones, result.
    [LoggerMessage(EventId = 300,
        Message = "{Change} {Name} {Address}: {Outcome}; forward zone {ForwardZone}: {Forward}; reverse zone {ReverseZone}: {Reverse}; last step {Last}; {Milliseconds:0.0} ms; client DHCID {Dhcid}")]
    private partial void LogFinished(LogLevel level, NameChangeKind change, string name, System.Net.IPAddress address, TransactionOutcome outcome,
        string forwardZone, SideResult forward, string reverseZone, SideResult reverse, string last, double milliseconds, Dhcid dhcid);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{Change} {Name} {Address} failed unexpectedly and was dropped")]
    private partial void LogCrashed(Exception exception, NameChangeKind change, DnsName name, System.Net.IPAddress address);
}
