using System.Diagnostics.Metrics;
using System.Net.Sockets;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Ddns.Reconciliation;
using Fos1.Ddns.Records;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Transfer;
using Fos1.Kea.ControlSocket;
using Fos1.Outbox.Expiry;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Operations;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// At start-up and every interval: read the zones (AXFR), then Kea's active leases (lease_cmds), and
/// queue what makes DNS match: adds for missing records, removes for records we own (DHCID) that no
/// lease backs. Zones are read first so a lease granted meanwhile is added, never judged stale.
/// Every active lease's expiry is (re)scheduled, so a lost ledger heals too.
/// </summary>
public sealed partial class ReconciliationService(
    IOptions<ReconciliationOptions> options,
    DdnsRouting routing,
    LeaseNameChangePlanner planner,
    ChangeIntake intake,
    LeaseLedger ledger,
    KeaControlMetrics controlMetrics,
    KeaControlChannelFactory channels,
    ForwardOnlyScope forwardOnly,
    IMeterFactory meterFactory,
    TimeProvider time,
    ILoggerFactory loggers,
    ReconciliationRuns runs) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<ReconciliationService>();
    private readonly ReconciliationSurvey _survey = new(options.Value, routing, planner, channels, controlMetrics, time, loggers);
    private readonly ReconciliationMetrics _metrics = new(meterFactory);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (interval > TimeSpan.Zero && await Delay(interval, stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A run over at least this many leases gives its garbage back to the OS when it ends.</summary>
    public const int LargeRunLeases = 10_000;

    public async Task<ReconciliationPlan?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var (plan, leases) = await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        if (leases >= LargeRunLeases)
        {
            // A run over 100,000 leases leaves some 500 MB of dead zone records, leases and JSON behind, which the GC
            // would otherwise keep committed for the sidecar's whole life. Compacting once now (a pause of about
            // 0.1-0.3 s every interval) returns it; called here, after the run's own frames are gone.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        return plan;
    }

    private async Task<(ReconciliationPlan? Plan, int Leases)> ReconcileAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var survey = await _survey.RunAsync(forwardOnly.Current, progress: null, cancellationToken).ConfigureAwait(false);
            var (plan, desired, now) = (survey.Plan, survey.Desired, survey.At);
            var queueing = time.GetTimestamp();
            var changes = plan.Changes.ToList();
            if (changes.Count > 0)
            {
                await intake.AcceptAsync(changes, LeaseSource.Reconciliation).ConfigureAwait(false);
            }

            await ReconciliationExpiries.RecordAsync(ledger, ReconciliationExpiries.Unrecorded(desired, now, ledger.Schedule.Snapshot())).ConfigureAwait(false);

            foreach (var item in plan.Items.Where(i => i.Action != ReconciliationAction.Leave))
            {
                LogItem(item.Action, item.Name, item.Reason, item.Detail);
            }

            _metrics.Phases(survey.Timings, time.GetElapsedTime(queueing));
            _metrics.Succeeded(plan);
            runs.Succeeded(survey.Leases, plan.Counts, time.GetElapsedTime(started));
            LogRun(survey.Leases, survey.Zones.Count, plan.Counts.InSync, plan.Counts.Adds, plan.Counts.Removes, plan.Counts.Conflicts, plan.Counts.HeldWithoutDhcid);
            return (plan, survey.Leases);
        }
        catch (Exception e) when (e is KeaControlException or ZoneTransferException or IOException)
        {
            // Never act on half a picture: a missing lease list would make every record look stale.
            _metrics.Failed();
            runs.Failed(e.Message, time.GetElapsedTime(started));
            LogFailed(e.Message);
            return (null, 0);
        }
    }

    private async Task<bool> Delay(TimeSpan interval, CancellationToken cancellationToken)
    {
        await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information,
        Message = "Reconciled {Leases} active leases against {Zones} zones: {InSync} in sync, {Adds} adds and {Removes} removes queued, {Conflicts} owned by others and {Static} without DHCID left alone")]
    private partial void LogRun(int leases, int zones, int inSync, int adds, int removes, int conflicts, int @static);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Reconciliation: {Action} {Name} ({Reason}): {Detail}")]
    private partial void LogItem(ReconciliationAction action, DnsName name, ReconciliationReason reason, string detail);

    [LoggerMessage(EventId = 502, Level = LogLevel.Error, Message = "Reconciliation skipped, nothing changed: {Problem}")]
    private partial void LogFailed(string problem);
}
