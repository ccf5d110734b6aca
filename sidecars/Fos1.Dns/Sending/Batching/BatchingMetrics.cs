using System.Diagnostics.Metrics;

namespace Fos1.Dns.Sending.Batching;

/// <summary>How well UPDATEs are merged: messages, plans per message, and merged messages that fell back.</summary>
public sealed class BatchingMetrics
{
    public const string MeterName = "Fos1.Dns.Batching";

    private readonly Counter<long> _merged;
    private readonly Histogram<int> _plansPerMessage;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _deferred;

    public BatchingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _merged = meter.CreateCounter<long>("fos1.dns.batch.merged", "{message}", "UPDATEs sent that carry more than one plan");
        _plansPerMessage = meter.CreateHistogram<int>("fos1.dns.batch.plans", "{plan}", "Plans carried by each UPDATE the batching sender sent (1 = alone)");
        _fallbacks = meter.CreateCounter<long>("fos1.dns.batch.fallbacks", "{message}", "Merged UPDATEs not answered NOERROR whose plans were resent in halves (one by one when few), by reason (the RCODE, or Exception)");
        _deferred = meter.CreateCounter<long>("fos1.dns.batch.deferred", "{plan}", "Plans held back from a merged UPDATE because another plan in it, or an UPDATE in flight, names the same owner");
    }

    internal void Sent(int plans)
    {
        _plansPerMessage.Record(plans);
        if (plans > 1)
        {
            _merged.Add(1);
        }
    }

    internal void FellBack(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void Deferred(int plans)
    {
        if (plans > 0)
        {
            _deferred.Add(plans);
        }
    }
}
