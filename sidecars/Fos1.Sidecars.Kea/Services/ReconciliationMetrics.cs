using System.Diagnostics.Metrics;
using Fos1.Ddns.Reconciliation;
using Fos1.Sidecars.Kea.Pipeline;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// Runs, drift found (changes queued) and drift fixed: a change queued by one run that the next run no longer
/// finds reached DNS. Drift found run after run is the signal that something undoes the fixes or keeps them
/// from landing (a failing DNS server, a second writer): <c>fos1.reconciliation.drift.consecutive_runs</c>.
/// </summary>
public sealed class ReconciliationMetrics
{
    private readonly Counter<long> _runs;
    private readonly Counter<long> _drift;
    private readonly Counter<long> _fixed;
    private readonly Histogram<double> _phases;
    private readonly Lock _gate = new();
    private HashSet<(ReconciliationAction Action, string Name, string Detail)> _previous = [];
    private long _consecutive;

    public ReconciliationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ChangeIntake.MeterName);
        _runs = meter.CreateCounter<long>("fos1.reconciliation.runs", "{run}", "Reconciliation runs, by result");
        _drift = meter.CreateCounter<long>("fos1.reconciliation.drift", "{change}", "Changes reconciliation queued (drift found), by action");
        _fixed = meter.CreateCounter<long>("fos1.reconciliation.drift.fixed", "{change}",
            "Changes queued by a run that the next run no longer found (drift fixed), by action");
        _phases = meter.CreateHistogram<double>("fos1.reconciliation.phase.duration", "s",
            "Time a successful run spent per phase: zones (AXFR), leases (lease_cmds pages), plan, queue (outbox and expiry ledger)");
        meter.CreateObservableGauge("fos1.reconciliation.drift.consecutive_runs", () => Volatile.Read(ref _consecutive), "{run}",
            "Completed runs in a row that found drift (0 after a run that found none)");
    }

    public void Succeeded(ReconciliationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var found = plan.Items.Where(item => item.Action != ReconciliationAction.Leave)
            .Select(item => (item.Action, item.Name.Text, $"{item.Change?.Address} {item.Change?.Forward} {item.Change?.Reverse}")).ToHashSet();
        lock (_gate)
        {
            foreach (var action in new[] { ReconciliationAction.Add, ReconciliationAction.Remove })
            {
                _drift.Add(action == ReconciliationAction.Add ? plan.Counts.Adds : plan.Counts.Removes, Tag(action));
                _fixed.Add(_previous.Count(p => p.Action == action && !found.Contains(p)), Tag(action));
            }

            _previous = found;
            Volatile.Write(ref _consecutive, found.Count == 0 ? 0 : _consecutive + 1);
        }

        _runs.Add(1, new KeyValuePair<string, object?>("result", "ok"));
    }

    public void Phases(ReconciliationTimings survey, TimeSpan queue)
    {
        ArgumentNullException.ThrowIfNull(survey);
        _phases.Record(survey.Zones.TotalSeconds, new KeyValuePair<string, object?>("phase", "zones"));
        _phases.Record(survey.Leases.TotalSeconds, new KeyValuePair<string, object?>("phase", "leases"));
        _phases.Record(survey.Plan.TotalSeconds, new KeyValuePair<string, object?>("phase", "plan"));
        _phases.Record(queue.TotalSeconds, new KeyValuePair<string, object?>("phase", "queue"));
    }

    /// <summary>A run that could not read Kea or the zones: it changes neither the drift history nor the streak.</summary>
    public void Failed() => _runs.Add(1, new KeyValuePair<string, object?>("result", "failed"));

    private static KeyValuePair<string, object?> Tag(ReconciliationAction action) =>
        new("action", action == ReconciliationAction.Add ? "add" : "remove");
}
