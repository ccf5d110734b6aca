using System.Diagnostics.Metrics;
using Fos1.Ddns.Leases;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// Counts what each source refused as malformed into <see cref="LeaseSourceActivity"/> by listening to the sources' own
/// rejection counters, so the libraries need no second channel for /status.
/// </summary>
public sealed class SourceRejections : IDisposable
{
    private static readonly Dictionary<string, LeaseSource> Instruments = new(StringComparer.Ordinal)
    {
        ["fos1.ncr.rejected"] = LeaseSource.Ncr,
        ["fos1.hook_spool.rejected"] = LeaseSource.HookSpool,
        ["fos1.kea.memfile.rows_rejected"] = LeaseSource.Memfile,
    };

    private readonly MeterListener _listener = new();

    public SourceRejections(LeaseSourceActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Fos1.", StringComparison.Ordinal) && Instruments.TryGetValue(instrument.Name, out var source))
            {
                listener.EnableMeasurementEvents(instrument, source);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, state) => activity.Rejected((LeaseSource)state!, (int)value));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();
}
