using System.Diagnostics.Metrics;
using Fos1.Kea.Configuration.Rendering;

namespace Fos1.Kea.Configuration.Applying;

/// <summary>Renders and applies of Kea configuration; exported as fos1_kea_config_*.</summary>
public sealed class KeaConfigMetrics
{
    public const string MeterName = "Fos1.Kea.Configuration";

    private readonly Counter<long> _renders;
    private readonly Counter<long> _excluded;
    private readonly Counter<long> _applies;
    private readonly Counter<long> _rejects;

    public KeaConfigMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _renders = meter.CreateCounter<long>("fos1.kea.config.renders", "{render}", "Configurations rendered from the CRs, by family");
        _excluded = meter.CreateCounter<long>("fos1.kea.config.excluded", "{resource}", "CRs left out of a rendering, by reason (Invalid, Conflict)");
        _applies = meter.CreateCounter<long>("fos1.kea.config.applies", "{apply}", "Apply attempts by result: applied, unchanged, rejected, unreachable, write_failed");
        _rejects = meter.CreateCounter<long>("fos1.kea.config.rejects", "{apply}", "Configurations Kea refused, by the refusing command");
    }

    public void Rendered(KeaConfigRendering rendering)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        var family = new KeyValuePair<string, object?>("family", rendering.Family);
        _renders.Add(1, family);
        foreach (var outcome in rendering.Outcomes.Where(outcome => outcome.Kind != ServiceOutcomeKind.Included))
        {
            _excluded.Add(1, family, new KeyValuePair<string, object?>("reason", outcome.Kind.ToString()));
        }
    }

    internal void Applied(int family, string result) =>
        _applies.Add(1, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("result", result));

    internal void Rejected(int family, string command)
    {
        Applied(family, "rejected");
        _rejects.Add(1, new KeyValuePair<string, object?>("family", family), new KeyValuePair<string, object?>("command", command));
    }
}
