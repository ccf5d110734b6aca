using System.Diagnostics.Metrics;

namespace Fos1.Kubernetes.Informers;

/// <summary>Informer counters, exported as fos1_kubernetes_informer_*; tagged by kind.</summary>
internal sealed class InformerMetrics
{
    public const string MeterName = "Fos1.Kubernetes";

    private readonly Counter<long>? _relists;
    private readonly Counter<long>? _reconnects;
    private readonly Counter<long>? _events;
    private readonly KeyValuePair<string, object?> _kind;

    public InformerMetrics(IMeterFactory? meterFactory, string kind)
    {
        _kind = new KeyValuePair<string, object?>("kind", kind);
        if (meterFactory is null)
        {
            return;
        }

        var meter = meterFactory.Create(MeterName);
        _relists = meter.CreateCounter<long>("fos1.kubernetes.informer.relists", "{list}", "Full lists, the first one and every one after 410 Gone");
        _reconnects = meter.CreateCounter<long>("fos1.kubernetes.informer.reconnects", "{watch}", "Watches re-opened after the stream ended or failed");
        _events = meter.CreateCounter<long>("fos1.kubernetes.informer.events", "{event}", "Watch events received, by type");
    }

    public void Relisted() => _relists?.Add(1, _kind);

    public void Reconnected() => _reconnects?.Add(1, _kind);

    public void Received(string type) => _events?.Add(1, _kind, new KeyValuePair<string, object?>("type", type));
}
