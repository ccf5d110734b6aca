using System.Globalization;

namespace Fos1.Bench.Reconcile.Measuring;

/// <summary>
/// The sidecar's own account of a run: the <c>_sum</c> of <c>fos1_reconciliation_phase_duration_seconds</c> per phase
/// (zones, leases, plan, queue) from GET /metrics; the difference of two scrapes is one run.
/// </summary>
public sealed record PhaseDurations(IReadOnlyDictionary<string, double> Seconds)
{
    private const string Series = "fos1_reconciliation_phase_duration_seconds_sum{";

    public double this[string phase] => Seconds.GetValueOrDefault(phase);

    public static async Task<PhaseDurations> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Where(l => l.StartsWith(Series, StringComparison.Ordinal)))
        {
            var phaseAt = line.IndexOf("phase=\"", StringComparison.Ordinal) + "phase=\"".Length;
            var phase = line[phaseAt..line.IndexOf('"', phaseAt)];
            seconds[phase] = double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new PhaseDurations(seconds);
    }

    public PhaseDurations Since(PhaseDurations before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new PhaseDurations(Seconds.ToDictionary(p => p.Key, p => p.Value - before[p.Key], StringComparer.Ordinal));
    }
}
