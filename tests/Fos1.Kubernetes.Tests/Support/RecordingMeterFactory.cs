using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Fos1.Kubernetes.Tests.Support;

/// <summary>An <see cref="IMeterFactory"/> whose counters the test reads back (sum per instrument and tags).</summary>
internal sealed class RecordingMeterFactory : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();

    public RecordingMeterFactory()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var type = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "type")
                {
                    type = $"[{tag.Value}]";
                }
            }

            _sums.AddOrUpdate(instrument.Name + type, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public long Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
