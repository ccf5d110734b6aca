using System.Diagnostics.Metrics;

namespace Fos1.Testbed.Metrics;

/// <summary>An IMeterFactory for tests that build metric classes by hand; disposing it disposes its meters.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    /// <summary>Whether this factory created <paramref name="meter"/> (for listeners that must ignore other tests' meters).</summary>
    public bool Owns(Meter meter)
    {
        lock (_meters)
        {
            return _meters.Contains(meter);
        }
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
