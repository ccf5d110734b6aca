using System.Threading.Channels;
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
    private int _unfinished;

    /// <summary>Raised after each change finishes (tests and the local stack watch it).</summary>
    public event Action<TransactionResult>? Finished;

    /// <summary>Changes received and not yet finished.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    public async Task RunAsync(ChannelReader<NameChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var workers = new List<Task>();
        try
        {
            await foreach (var change in changes.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _unfinished);
                metrics.Received();
                var received = new Received(change, time.GetTimestamp());
                lock (_waitingByClient)
                {
                    if (_waitingByClient.TryGetValue(change.Dhcid, out var queue))
                    {
                        queue.Enqueue(received);
                        continue;
                    }

                    _waitingByClient[change.Dhcid] = new Queue<Received>();
                }

                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                workers.RemoveAll(t => t.IsCompleted);
                workers.Add(Task.Run(() => DrainClientAsync(received, cancellationToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task DrainClientAsync(Received first, CancellationToken cancellationToken)
    {
        try
        {
            for (var next = first; next is not null; next = NextFor(next.Change.Dhcid))
            {
                await RunOneAsync(next, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what is unfinished is lost until the durable outbox exists.
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunOneAsync(Received received, CancellationToken cancellationToken)
    {
        TransactionResult result;
        try
        {
            result = await runner.RunAsync(received.Change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must cost one change, never the dispatcher.
            Interlocked.Decrement(ref _unfinished);
            metrics.Abandoned();
            LogCrashed(e, received.Change.Kind, received.Change.Fqdn, received.Change.Address);
            return;
        }

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

    public void Dispose() => _slots.Dispose();

    private sealed record Received(NameChange Change, long Timestamp);

    [LoggerMessage(EventId = 300,
        Message = "{Change} {Name} {Address}: {Outcome}; forward zone {ForwardZone}: {Forward}; reverse zone {ReverseZone}: {Reverse}; last step {Last}; {Milliseconds:0.0} ms")]
    private partial void LogFinished(LogLevel level, NameChangeKind change, string name, System.Net.IPAddress address, TransactionOutcome outcome,
        string forwardZone, SideResult forward, string reverseZone, SideResult reverse, string last, double milliseconds);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{Change} {Name} {Address} failed unexpectedly and was dropped")]
    private partial void LogCrashed(Exception exception, NameChangeKind change, DnsName name, System.Net.IPAddress address);
}
