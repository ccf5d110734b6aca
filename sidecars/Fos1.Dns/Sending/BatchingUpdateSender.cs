// Why merging is safe (RFC 2136 section 3.2-3.4): a server checks every prerequisite of a message
// before it applies any update, and applies the updates all or nothing. If the merged plans name
// disjoint owners, no plan's prerequisite can see another plan's RRs or updates, so the merged message
// is answered NOERROR exactly when each plan alone would have been applied to the same zone. Any other
// answer says only that at least one plan failed, not which: then the batch is split in halves, each
// resent merged (and split again if it fails), down to plans sent alone, so each caller gets its own
// answer and one bad plan among 256 costs ~17 messages instead of 256. (Disjointness also keeps value-dependent prerequisites of two plans for
// one name and type from being compared as one RRset, RFC 2136 3.2.5.)
//
// Why fanning a transport failure out is safe: the merged message was applied entirely or not at all,
// which is exactly the uncertainty a timeout leaves for a plan sent alone. Each caller resends its own
// RFC 4703 step (perhaps merged with others again), and those steps are idempotent under their
// prerequisites: a forward add that did land answers YXDOMAIN and becomes a replace guarded by our
// DHCID; a reverse replace deletes and re-adds; the removes are guarded by our DHCID or PTR. A resend
// whose plan now fails makes its whole batch fall back, so nobody is answered for someone else's plan.
using System.Collections.Concurrent;
using System.Net;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending.Batching;
using Fos1.Dns.Tsig;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Sending;

/// <summary>
/// Merges plans sent concurrently to the same zone, server and key into one UPDATE, and gives every
/// caller the answer for its own plan. Transparent: callers see the same outcomes as without it.
/// </summary>
public sealed class BatchingUpdateSender : IDnsUpdateSender, IDisposable
{
    private readonly IDnsUpdateSender _inner;
    private readonly BatchingOptions _options;
    private readonly BatchingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<BatchKey, ZoneBatchQueue> _queues = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stopToken;
    private bool _disposed;

    /// <param name="inner">Sends each (merged or single) UPDATE; not disposed by this sender.</param>
    public BatchingUpdateSender(
        IDnsUpdateSender inner, BatchingOptions options, BatchingMetrics metrics, TimeProvider? timeProvider = null,
        ILogger<BatchingUpdateSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPlansPerMessage, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDelayMs);
        _inner = inner;
        _options = options;
        _metrics = metrics;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<BatchingUpdateSender>.Instance;
        _stopToken = _stopping.Token;
    }

    public async Task<UpdateOutcome> SendAsync(
        UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_options.MaxPlansPerMessage == 1)
        {
            return await _inner.SendAsync(plan, target, timeout, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var queue = _queues.GetOrAdd(
            new BatchKey(target.Server, target.Key, plan.Zone),
            static (key, sender) => new ZoneBatchQueue(key.Zone, sender._options, sender._time, sender._metrics, sender.Launch),
            this);
        var pending = new PendingPlan(plan, target, timeout, cancellationToken);
        queue.Enqueue(pending);
        using var withdrawal = cancellationToken.Register(
            static state =>
            {
                var (owner, waiting) = ((ZoneBatchQueue, PendingPlan))state!;
                owner.Withdraw(waiting);
            },
            (queue, pending));
        return await pending.Outcome.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var queue in _queues.Values)
        {
            queue.Stop();
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void Launch(ZoneBatchQueue queue, IReadOnlyList<PendingPlan> batch) => _ = SendBatchAsync(queue, batch);

    private async Task SendBatchAsync(ZoneBatchQueue queue, IReadOnlyList<PendingPlan> batch)
    {
        try
        {
            var live = new List<PendingPlan>(batch.Count);
            foreach (var pending in batch)
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                }
                else
                {
                    live.Add(pending);
                }
            }

            if (live.Count == 1)
            {
                await SendAloneAsync(live[0]).ConfigureAwait(false);
            }
            else if (live.Count > 1)
            {
                await SendMergedAsync(live).ConfigureAwait(false);
            }
        }
        finally
        {
            queue.Completed(batch);
        }
    }

    private async Task SendMergedAsync(List<PendingPlan> batch)
    {
        var zone = batch[0].Plan.Zone;
        var merged = new UpdateMessagePlan(
            zone,
            batch.SelectMany(pending => pending.Plan.Prerequisites).ToArray(),
            batch.SelectMany(pending => pending.Plan.Updates).ToArray());
        var timeout = batch.Max(pending => pending.Timeout);
        _metrics.Sent(batch.Count);
        UpdateOutcome outcome;
        try
        {
            // Not any caller's token: one caller giving up must not cancel the others' message.
            outcome = await _inner.SendAsync(merged, batch[0].Target, timeout, _stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopToken.IsCancellationRequested)
        {
            batch.ForEach(pending => pending.Cancel());
            return;
        }
#pragma warning disable CA1031 // Whatever the merged message tripped over (e.g. one plan outside its zone), each plan alone gets its own verdict.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _metrics.FellBack("Exception");
            _logger.FallingBack(batch.Count, zone, exception);
            await FallBackAsync(batch).ConfigureAwait(false);
            return;
        }

        if (outcome is UpdateAnswered { ResponseCode: not ResponseCode.NoError } answered)
        {
            _metrics.FellBack(answered.ResponseCode.ToString());
            _logger.FallingBack(batch.Count, zone, answered.ResponseCode);
            await FallBackAsync(batch).ConfigureAwait(false);
            return;
        }

        // NOERROR: every plan was applied. UpdateFailed: the same uncertainty (or the same TSIG
        // verdict) holds for every plan, see the top of this file.
        batch.ForEach(pending => pending.Answer(outcome));
    }

    /// <summary>Batches this small are resent plan by plan: splitting further would cost more messages than it saves.</summary>
    internal const int SplitAbove = 4;

    private Task FallBackAsync(List<PendingPlan> batch)
    {
        if (batch.Count <= SplitAbove)
        {
            return Task.WhenAll(batch.Select(SendAloneAsync));
        }

        // Halves of a batch of disjoint plans are disjoint too, so each merged half answers as its plans would alone.
        var half = batch.Count / 2;
        return Task.WhenAll(SendMergedAsync(batch[..half]), SendMergedAsync(batch[half..]));
    }

    private async Task SendAloneAsync(PendingPlan pending)
    {
        if (pending.CancellationToken.IsCancellationRequested)
        {
            pending.Cancel();
            return;
        }

        _metrics.Sent(1);
        try
        {
            pending.Answer(await _inner.SendAsync(pending.Plan, pending.Target, pending.Timeout, pending.CancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (pending.CancellationToken.IsCancellationRequested)
        {
            pending.Cancel();
        }
#pragma warning disable CA1031 // Not swallowed: handed to the one caller whose plan caused it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            pending.Fail(exception);
        }
    }

    private readonly record struct BatchKey(IPEndPoint Server, TsigKey? Key, DnsName Zone);
}
