using System.Diagnostics.Metrics;

namespace Fos1.AdGuard.Convergence;

/// <summary>Convergences of AdGuard Home and the API calls they made; exported as fos1_adguard_*.</summary>
public sealed class AdGuardMetrics
{
    public const string MeterName = "Fos1.AdGuard";

    private readonly Counter<long> _converges;
    private readonly Counter<long> _calls;

    public AdGuardMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _converges = meter.CreateCounter<long>("fos1.adguard.converges", "{converge}",
            "Convergences by result: converged, rejected (AdGuard refused a call), unreachable (its state could not be read)");
        _calls = meter.CreateCounter<long>("fos1.adguard.calls", "{call}", "AdGuard Home API calls made to converge, by operation and result (ok, rejected)");
    }

    internal void Converged(string result) => _converges.Add(1, new KeyValuePair<string, object?>("result", result));

    internal void Called(AdGuardOperation operation, bool ok) =>
        _calls.Add(1, new("operation", operation.GetType().Name), new("result", ok ? "ok" : "rejected"));
}
