using System.Diagnostics.Metrics;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>An IMeterFactory plus a listener that sums every long counter by instrument name.</summary>
internal sealed class TestMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _totals = [];

    public TestMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (_totals)
            {
                _totals[instrument.Name] = _totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        _listener.Start();
    }

    public long Total(string instrument)
    {
        lock (_totals)
        {
            return _totals.GetValueOrDefault(instrument);
        }
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        _listener.RecordObservableInstruments();
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
