using System.Diagnostics.Metrics;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;

namespace Fos1.Dns.Dispatch;

/// <summary>What operators count: answers per step and RCODE, retries, outcomes, conflicts, latency.</summary>
public sealed class DdnsMetrics
{
    public const string MeterName = "Fos1.Ddns";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _changes;
    private readonly Counter<long> _noZone;
    private readonly Histogram<double> _latency;
    private readonly UpDownCounter<long> _pending;
    private readonly Counter<long> _conflicts;
    private readonly Histogram<double> _applied;

    public DdnsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _updates = meter.CreateCounter<long>("fos1.dns.updates", "{update}", "UPDATE answers by zone, transaction step and RCODE");
        _retries = meter.CreateCounter<long>("fos1.dns.update.retries", "{update}", "UPDATEs resent, by step and reason");
        _changes = meter.CreateCounter<long>("fos1.ddns.changes", "{change}", "Name changes finished, by kind and outcome (Conflict = a name owned by another client, left alone)");
        _noZone = meter.CreateCounter<long>("fos1.ddns.no_zone", "{change}", "Name changes with no configured zone for one side, by side");
        _latency = meter.CreateHistogram<double>("fos1.ddns.change.duration", "s", "From receiving a name change to its last UPDATE answered");
        _pending = meter.CreateUpDownCounter<long>("fos1.ddns.changes.pending", "{change}", "Name changes received and not finished");
        _conflicts = meter.CreateCounter<long>("fos1.ddns.conflicts", "{change}", "Name changes refused because another client holds the name, by zone");
        _applied = meter.CreateHistogram<double>("fos1.lease.apply.latency", "ms",
            "From a change entering the sidecar (queued durably) to its last UPDATE answered, by outcome");
    }

    public void UpdateAnswered(TransactionStep step, ResponseCode rcode)
    {
        ArgumentNullException.ThrowIfNull(step);
        _updates.Add(1, new("zone", step.Zone.Text), new("step", step.Kind.ToString()), new("rcode", rcode.ToString()));
    }

    public void Retried(TransactionStep step, string reason)
    {
        ArgumentNullException.ThrowIfNull(step);
        _retries.Add(1, new("zone", step.Zone.Text), new("step", step.Kind.ToString()), new("reason", reason));
    }

    public void Received() => _pending.Add(1);

    public void Finished(TransactionResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        _pending.Add(-1);
        _changes.Add(1, new("change", result.Change.Kind.ToString()), new("outcome", result.Outcome.ToString()));
        if (result.Forward == SideResult.NoZone)
        {
            _noZone.Add(1, new KeyValuePair<string, object?>("side", "forward"));
        }

        if (result.Reverse == SideResult.NoZone)
        {
            _noZone.Add(1, new KeyValuePair<string, object?>("side", "reverse"));
        }

        _latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        if (result.Outcome == TransactionOutcome.Conflict)
        {
            _conflicts.Add(1, new KeyValuePair<string, object?>("zone", (result.Sides.ForwardZone ?? result.Sides.ReverseZone)?.Text ?? "-"));
        }
    }

    /// <summary>A change finished <paramref name="sinceArrival"/> after it entered the sidecar (not only the dispatcher).</summary>
    public void Applied(TransactionResult result, TimeSpan sinceArrival)
    {
        ArgumentNullException.ThrowIfNull(result);
        _applied.Record(Math.Max(0, sinceArrival.TotalMilliseconds), new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
    }

    public void Abandoned() => _pending.Add(-1);
}
