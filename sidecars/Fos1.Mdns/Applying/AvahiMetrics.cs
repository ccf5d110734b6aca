using System.Diagnostics.Metrics;

namespace Fos1.Mdns.Applying;

/// <summary>Applies of avahi-daemon.conf; exported as fos1_avahi_*.</summary>
public sealed class AvahiMetrics
{
    public const string MeterName = "Fos1.Mdns";

    private readonly Counter<long> _applies;

    public AvahiMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _applies = meterFactory.Create(MeterName).CreateCounter<long>("fos1.avahi.applies", "{apply}",
            "avahi-daemon.conf applies by result: Unchanged, Restarted, WrittenNotRunning, Failed (not written or avahi not signalled)");
    }

    internal void Applied(string result) => _applies.Add(1, new KeyValuePair<string, object?>("result", result));
}
