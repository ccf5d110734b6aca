using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Dispatch;

/// <summary>
/// Runs many name changes at once but never two for the same client (DHCID) at the same time, so a
/// release cannot overtake the add it undoes. Changes for a busy client wait in arrival order.
/// </summary>
public sealed partial class NameChangeDispatcher(
    NameChangeRunner runner,
    DdnsMetrics metrics,
    TimeProvider time,
    ILogger<NameChangeDispatcher> logger,
    int maxInFlight) : IDisposable
{
    private readonly Dictionary<Dhcid, Queue<Received>> _waitingByClient = [];
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private readonly SemaphoreSlim _held = new(maxInFlight * 16, maxInFlight * 16);
    private int _unfinished;

    /// <summary>Raised after each change finishes (tests and the local stack watch it).</summary>
    public event Action<TransactionResult>? Finished;

    /// <summary>Changes received and not yet finished.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    public async Task RunAsync(IPendingChanges queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var workers = new List<Task>();
        try
        {
            while (true)
            {
                await queue.WaitForPendingAsync(cancellationToken).ConfigureAwait(false);
                foreach (var queued in queue.Take(maxInFlight))
                {
                    // Bounds what waits in memory behind busy clients; the rest stays in the queue.
                    await _held.WaitAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _unfinished);
                    metrics.Received();
                    var received = new Received(queued, time.GetTimestamp());
                    lock (_waitingByClient)
                    {
                        if (_waitingByClient.TryGetValue(queued.Change.Dhcid, out var waiting))
                        {
                            waiting.Enqueue(received);
                            continue;
                        }

                        _waitingByClient[queued.Change.Dhcid] = new Queue<Received>();
                    }

                    await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    workers.RemoveAll(t => t.IsCompleted);
                    workers.Add(Task.Run(() => DrainClientAsync(queue, received, cancellationToken), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task DrainClientAsync(IPendingChanges queue, Received first, CancellationToken cancellationToken)
    {
        try
        {
            for (var next = first; next is not null; next = NextFor(next.Queued.Change.Dhcid))
            {
                await RunOneAsync(queue, next, cancellationToken).ConfigureAwait(false);
                _held.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: unfinished changes stay in the durable queue and run again at the next start.
        }
        finally
        {
            _slots.Release();
        }
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

        await queue.CompleteAsync(received.Queued, result, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(received.Timestamp);
        metrics.Finished(result, elapsed);
        Log(result, elapsed);
        Interlocked.Decrement(ref _unfinished);
        Finished?.Invoke(result);
    }

    private Received? NextFor(Dhcid client)
    {
        lock (_waitingByClient)
        {
            var queue = _waitingByClient[client];
            if (queue.Count > 0)
            {
                return queue.Dequeue();
            }

            _waitingByClient.Remove(client);
            return null;
        }
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
            last, elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        _slots.Dispose();
        _held.Dispose();
    }

    private sealed record Received(QueuedChange Queued, long Timestamp);

    [LoggerMessage(EventId = 300,
        Message = "{Change} {Name} {Address}: {Outcome}; forward zone {ForwardZone}: {Forward}; reverse zone {ReverseZone}: {Reverse}; last step {Last}; {Milliseconds:0.0} ms")]
    private partial void LogFinished(LogLevel level, NameChangeKind change, string name, System.Net.IPAddress address, TransactionOutcome outcome,
        string forwardZone, SideResult forward, string reverseZone, SideResult reverse, string last, double milliseconds);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{Change} {Name} {Address} failed unexpectedly and was dropped")]
    private partial void LogCrashed(Exception exception, NameChangeKind change, DnsName name, System.Net.IPAddress address);
}
