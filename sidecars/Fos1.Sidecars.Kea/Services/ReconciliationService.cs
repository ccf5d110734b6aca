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
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<ReconciliationService>();
    private readonly Counter<long> _runs = meterFactory.Create(ChangeIntake.MeterName)
        .CreateCounter<long>("fos1.reconciliation.runs", "{run}", "Reconciliation runs, by result");
    private readonly Counter<long> _drift = meterFactory.Create(ChangeIntake.MeterName)
        .CreateCounter<long>("fos1.reconciliation.drift", "{change}", "Changes reconciliation queued, by action");

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

    public async Task<ReconciliationPlan?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (records, observed) = await ReadZonesAsync(cancellationToken).ConfigureAwait(false);
            var v4 = await ReadLeasesAsync(4, cancellationToken).ConfigureAwait(false);
            var v6 = await ReadLeasesAsync(6, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            // Forward-only subnets (reverse: false) want no PTR: neither added nor judged stale.
            var desired = forwardOnly.Current.Filter(v4.Concat(v6)
                .Select(lease => planner.Plan(new LeaseEvent(LeaseEventKind.Committed, lease, LeaseSource.Reconciliation, now)).Change)
                .OfType<NameChange>())
                .ToList();
            var judgeable = observed.Where(zone => (HasChannel(4) || !LeaseFamilies.IsReverseZoneOf(zone, AddressFamily.InterNetwork))
                && (HasChannel(6) || !LeaseFamilies.IsReverseZoneOf(zone, AddressFamily.InterNetworkV6))).ToList();
            var plan = ReconciliationPlanner.Plan(desired, LeaseFamilies.OnlyJudgeable(records, HasChannel(4), HasChannel(6)), judgeable);
            var changes = plan.Changes.ToList();
            if (changes.Count > 0)
            {
                await intake.AcceptAsync(changes, LeaseSource.Reconciliation).ConfigureAwait(false);
            }

            foreach (var add in desired.Where(d => d.LeaseExpiresOn > now))
            {
                await ledger.RecordAsync(add with { Kind = NameChangeKind.Remove }, add.LeaseExpiresOn!.Value).ConfigureAwait(false);
            }

            foreach (var item in plan.Items.Where(i => i.Action != ReconciliationAction.Leave))
            {
                LogItem(item.Action, item.Name, item.Reason, item.Detail);
            }

            _drift.Add(plan.Counts.Adds, new KeyValuePair<string, object?>("action", "add"));
            _drift.Add(plan.Counts.Removes, new KeyValuePair<string, object?>("action", "remove"));
            _runs.Add(1, new KeyValuePair<string, object?>("result", "ok"));
            LogRun(v4.Count + v6.Count, observed.Count, plan.Counts.InSync, plan.Counts.Adds, plan.Counts.Removes, plan.Counts.Conflicts, plan.Counts.HeldWithoutDhcid);
            return plan;
        }
        catch (Exception e) when (e is KeaControlException or ZoneTransferException or IOException)
        {
            // Never act on half a picture: a missing lease list would make every record look stale.
            _runs.Add(1, new KeyValuePair<string, object?>("result", "failed"));
            LogFailed(e.Message);
            return null;
        }
    }

    private bool HasChannel(int family) => options.Value.Enabled && (!string.IsNullOrEmpty(options.Value.ControlAgentUrl)
        || !string.IsNullOrEmpty(family == 4 ? options.Value.Dhcp4ControlSocket : options.Value.Dhcp6ControlSocket));

    private async Task<IReadOnlyList<Lease>> ReadLeasesAsync(int family, CancellationToken cancellationToken)
    {
        if (!HasChannel(family))
        {
            return [];
        }

        var settings = options.Value;
        var channel = channels.Create(family, family == 4 ? settings.Dhcp4ControlSocket : settings.Dhcp6ControlSocket, settings.ControlAgentUrl);
        var pager = new KeaLeasePager(channel, controlMetrics, loggers.CreateLogger<KeaLeasePager>(), settings.PageSize);
        var leases = await pager.ReadActiveAsync(family, cancellationToken).ConfigureAwait(false);
        return leases.Select(l => l.Lease).ToList();
    }

    private async Task<(List<DnsRecord> Records, List<DnsName> Zones)> ReadZonesAsync(CancellationToken cancellationToken)
    {
        var client = new ZoneTransferClient(time: time);
        var records = new List<DnsRecord>();
        var zones = new List<DnsName>();
        foreach (var domain in routing.Forward.Zones.Concat(routing.Reverse.Zones).Select(z => z.Domain))
        {
            var primary = domain.Servers[0];
            var zone = await client.TransferAsync(primary.Server, domain.Zone, primary.Key, cancellationToken).ConfigureAwait(false);
            records.AddRange(zone.AddressPointerAndDhcidRecords());
            zones.Add(domain.Zone);
        }

        return (records, zones);
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
