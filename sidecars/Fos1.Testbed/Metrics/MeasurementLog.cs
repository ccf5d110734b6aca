using System.Diagnostics.Metrics;

namespace Fos1.Testbed.Metrics;

/// <summary>One measurement as a listener saw it: instrument name, value and tags (sorted by key).</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags)
{
    public bool Has(string key, string value) => Tags.TryGetValue(key, out var actual) && actual == value;
}

/// <summary>
/// Records every measurement of the meters a <see cref="TestMeterFactory"/> creates, so a test can assert
/// exact values after known events. <see cref="Observe"/> collects the observable instruments on demand.
/// </summary>
public sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measured> _measured = [];
    private readonly Func<Meter, bool> _mine;

    public MeasurementLog(TestMeterFactory factory) : this(meter => factory.Owns(meter))
    {
    }

    public MeasurementLog(Meter meter) : this(candidate => ReferenceEquals(candidate, meter))
    {
    }

    private MeasurementLog(Func<Meter, bool> mine)
    {
        _mine = mine;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_mine(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    /// <summary>Every measurement so far, in order.</summary>
    public IReadOnlyList<Measured> All
    {
        get
        {
            lock (_measured)
            {
                return [.. _measured];
            }
        }
    }

    /// <summary>The measurements of one instrument whose tags include every given key=value pair.</summary>
    public IReadOnlyList<Measured> Of(string instrument, params (string Key, string Value)[] tags) =>
        All.Where(m => m.Instrument == instrument && tags.All(t => m.Has(t.Key, t.Value))).ToList();

    /// <summary>The sum of <see cref="Of"/> (what a counter exports).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    /// <summary>Collects the observable instruments now and returns only what they reported.</summary>
    public IReadOnlyList<Measured> Observe(string instrument)
    {
        int before;
        lock (_measured)
        {
            before = _measured.Count;
        }

        _listener.RecordObservableInstruments();
        lock (_measured)
        {
            return _measured.Skip(before).Where(m => m.Instrument == instrument).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        var measured = new Measured(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), map);
        lock (_measured)
        {
            _measured.Add(measured);
        }
    }
}
