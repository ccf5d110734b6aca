using Fos1.Dns.Wire;

namespace Fos1.Dns.Sending.Batching;

/// <summary>
/// The plans waiting to be sent to one (server, key, zone), and when they go: at once when nothing is
/// in flight for the zone (a lone change never waits); otherwise, while fewer than
/// <see cref="BatchingOptions.MaxMessagesInFlight"/> UPDATEs are in flight, when
/// <see cref="BatchingOptions.MaxPlansPerMessage"/> are waiting or after <see cref="BatchingOptions.MaxDelay"/>;
/// and whenever an UPDATE in flight is answered. With the zone's window full, plans wait for an answer, so
/// a slow server gets fewer, larger UPDATEs instead of a message every few milliseconds: BIND journals and
/// fsyncs every UPDATE, so its throughput grows with the plans per message, not with the messages.
/// A plan naming an owner that an UPDATE in flight names waits for that answer, so two plans for one name
/// are never in flight at once (two messages may be applied in either order).
/// </summary>
internal sealed class ZoneBatchQueue
{
    private readonly Lock _gate = new();
    private readonly List<PendingPlan> _waiting = [];
    private readonly BatchingOptions _options;
    private readonly TimeProvider _time;
    private readonly BatchingMetrics _metrics;
    private readonly Action<ZoneBatchQueue, IReadOnlyList<PendingPlan>> _launch;
    private readonly int _headerOctets;
    private readonly HashSet<DnsName> _namesInFlight = [];
    private int _inFlight;
    private ITimer? _timer;
    private long _timerGeneration;

    /// <param name="launch">Sends one batch; must call <see cref="Completed"/> once it is answered.</param>
    public ZoneBatchQueue(
        DnsName zone, BatchingOptions options, TimeProvider time, BatchingMetrics metrics,
        Action<ZoneBatchQueue, IReadOnlyList<PendingPlan>> launch)
    {
        _options = options;
        _time = time;
        _metrics = metrics;
        _launch = launch;
        _headerOctets = PlanFootprint.HeaderOctets + WireNames.MaxLength(zone);
    }

    public void Enqueue(PendingPlan plan)
    {
        List<IReadOnlyList<PendingPlan>> ready;
        lock (_gate)
        {
            if (_inFlight == 0 && _waiting.Count == 0)
            {
                _inFlight++;
                _namesInFlight.UnionWith(plan.Footprint.Names);
                ready = [[plan]];
            }
            else
            {
                _waiting.Add(plan);
                if (_inFlight >= _options.MaxMessagesInFlight)
                {
                    return; // The next answer sends it.
                }

                if (_waiting.Count < _options.MaxPlansPerMessage)
                {
                    ArmTimer();
                    return;
                }

                ready = Drain();
            }
        }

        Launch(ready);
    }

    /// <summary>Takes back a plan whose caller gave up, if it has not been sent yet.</summary>
    public void Withdraw(PendingPlan plan)
    {
        lock (_gate)
        {
            if (_waiting.Remove(plan))
            {
                plan.Cancel();
                if (_waiting.Count == 0)
                {
                    DisarmTimer();
                }
            }
        }
    }

    /// <summary>One launched batch has its answers (including any fallback): what waits fills the free window.</summary>
    public void Completed(IReadOnlyList<PendingPlan> batch)
    {
        List<IReadOnlyList<PendingPlan>> ready;
        lock (_gate)
        {
            _inFlight--;
            foreach (var plan in batch)
            {
                _namesInFlight.ExceptWith(plan.Footprint.Names);
            }

            if (_waiting.Count == 0)
            {
                return;
            }

            ready = Drain();
        }

        Launch(ready);
    }

    public void Stop()
    {
        lock (_gate)
        {
            DisarmTimer();
        }
    }

    private void Launch(List<IReadOnlyList<PendingPlan>> batches)
    {
        foreach (var batch in batches)
        {
            _launch(this, batch);
        }
    }

    /// <summary>
    /// What is waiting, as batches in arrival order, as many as the zone's window has room for; the rest
    /// keeps waiting, as does a plan naming an owner in flight. A plan naming an owner that a plan already
    /// in the batch names goes into a later batch:
    /// RFC 2136 checks all prerequisites before applying any update, and merges value-dependent
    /// prerequisites of one name and type into one RRset, so only plans with disjoint names give the merged
    /// message the answer each plan alone would get.
    /// </summary>
    private List<IReadOnlyList<PendingPlan>> Drain()
    {
        DisarmTimer();
        var batches = new List<IReadOnlyList<PendingPlan>>();
        while (_waiting.Count > 0 && _inFlight < _options.MaxMessagesInFlight)
        {
            var batch = new List<PendingPlan>();
            var names = new HashSet<DnsName>();
            var leftover = new List<PendingPlan>();
            var octets = _headerOctets;
            var deferred = 0;
            foreach (var plan in _waiting)
            {
                var footprint = plan.Footprint;
                var fits = batch.Count == 0
                    || (batch.Count < _options.MaxPlansPerMessage && octets + footprint.Octets <= _options.MaxMessageOctets);
                if (!fits || footprint.Overlaps(names) || footprint.Overlaps(_namesInFlight))
                {
                    deferred += fits ? 1 : 0;
                    leftover.Add(plan);
                    continue;
                }

                batch.Add(plan);
                names.UnionWith(footprint.Names);
                octets += footprint.Octets;
            }

            _metrics.Deferred(deferred);
            _waiting.Clear();
            _waiting.AddRange(leftover);
            if (batch.Count == 0)
            {
                break; // Everything waiting names an owner in flight: its answer drains it.
            }

            _inFlight++;
            _namesInFlight.UnionWith(names);
            batches.Add(batch);
        }

        return batches;
    }

    private void ArmTimer()
    {
        if (_timer is not null)
        {
            return;
        }

        var generation = ++_timerGeneration;
        _timer = _time.CreateTimer(
            static state =>
            {
                var (queue, armed) = (TimerState)state!;
                queue.OnTimer(armed);
            },
            new TimerState(this, generation), _options.MaxDelay, Timeout.InfiniteTimeSpan);
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void OnTimer(long generation)
    {
        List<IReadOnlyList<PendingPlan>> ready;
        lock (_gate)
        {
            // A timer disarmed while its callback was already queued must not drain a later wait early.
            if (generation != _timerGeneration || _timer is null)
            {
                return;
            }

            ready = Drain();
        }

        Launch(ready);
    }

    private sealed record TimerState(ZoneBatchQueue Queue, long Generation);
}
