using System.Net.Sockets;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Ddns.Reconciliation;
using Fos1.Ddns.Records;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Transfer;
using Fos1.Kea.ControlSocket;
using Fos1.Sidecars.Kea.Configuration;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// Reads the configured zones (AXFR, each domain's key) and then Kea's active leases (lease_cmds) and plans the
/// difference, changing nothing: the reconciliation service queues what it finds, fos1ctl plan only prints it.
/// Zones are read first so a lease granted meanwhile is added, never judged stale. Only the address families whose
/// lease list is read are judged. Throws <see cref="KeaControlException"/> / <see cref="ZoneTransferException"/> /
/// <see cref="IOException"/> when either side cannot be read: a partial picture must never be planned on.
/// </summary>
public sealed class ReconciliationSurvey(
    ReconciliationOptions options,
    DdnsRouting routing,
    LeaseNameChangePlanner planner,
    KeaControlChannelFactory channels,
    KeaControlMetrics controlMetrics,
    TimeProvider time,
    ILoggerFactory loggers)
{
    /// <summary>Records or leases from which on a phase collects its garbage before the next one (<see cref="DropGarbage"/>).</summary>
    public const int LargeSurvey = 20_000;

    public bool HasChannel(int family) => options.Enabled && (!string.IsNullOrEmpty(options.ControlAgentUrl)
        || !string.IsNullOrEmpty(family == 4 ? options.Dhcp4ControlSocket : options.Dhcp6ControlSocket));

    /// <param name="forwardOnly">Subnets that want no PTR (neither added nor judged stale).</param>
    /// <param name="progress">Told after each zone and each page of leases (long runs: 10,000s of leases).</param>
    public async Task<ReconciliationSurveyResult> RunAsync(
        ForwardOnlySubnets forwardOnly, IProgress<ReconciliationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forwardOnly);
        var started = time.GetTimestamp();
        var (records, observed) = await ReadZonesAsync(progress, cancellationToken).ConfigureAwait(false);
        DropGarbage(records.Count);
        var zonesRead = time.GetTimestamp();
        var desired = new List<NameChange>();
        var v4 = await ReadLeasesAsync(4, desired, progress, cancellationToken).ConfigureAwait(false);
        var v6 = await ReadLeasesAsync(6, desired, progress, cancellationToken).ConfigureAwait(false);
        DropGarbage(desired.Count);
        var leasesRead = time.GetTimestamp();
        var now = time.GetUtcNow();
        var wanted = forwardOnly.Filter(desired);
        var judgeable = observed.Where(zone => (HasChannel(4) || !LeaseFamilies.IsReverseZoneOf(zone, AddressFamily.InterNetwork))
            && (HasChannel(6) || !LeaseFamilies.IsReverseZoneOf(zone, AddressFamily.InterNetworkV6))).ToList();
        var plan = ReconciliationPlanner.Plan(wanted, LeaseFamilies.OnlyJudgeable(records, HasChannel(4), HasChannel(6)), judgeable);
        return new ReconciliationSurveyResult(plan, wanted, HasChannel(4) ? v4 : null, HasChannel(6) ? v6 : null, observed, now)
        {
            Timings = new ReconciliationTimings(
                time.GetElapsedTime(started, zonesRead), time.GetElapsedTime(zonesRead, leasesRead), time.GetElapsedTime(leasesRead)),
        };
    }

    /// <summary>
    /// A phase over tens of thousands of records leaves as much garbage as it keeps (transferred messages, lease
    /// pages): collecting it before the next phase allocates keeps the peak near what is live, at the cost of a
    /// blocking collection (tenths of a second) per phase of a large run.
    /// </summary>
    private static void DropGarbage(int kept)
    {
        if (kept >= LargeSurvey)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// Pages through one family's leases and plans each active one as it arrives (into <paramref name="desired"/>):
    /// only the planned change is kept, never the 100,000 parsed leases next to it.
    /// </summary>
    /// <returns>Active leases read.</returns>
    private async Task<int> ReadLeasesAsync(
        int family, List<NameChange> desired, IProgress<ReconciliationProgress>? progress, CancellationToken cancellationToken)
    {
        if (!HasChannel(family))
        {
            return 0;
        }

        var channel = channels.Create(family, family == 4 ? options.Dhcp4ControlSocket : options.Dhcp6ControlSocket, options.ControlAgentUrl);
        var pager = new KeaLeasePager(channel, controlMetrics, loggers.CreateLogger<KeaLeasePager>(), options.PageSize);
        var active = 0;
        var read = 0;
        await foreach (var lease in pager.ReadAllAsync(family, cancellationToken).ConfigureAwait(false))
        {
            if (lease.IsActive)
            {
                active++;
                if (planner.Plan(new LeaseEvent(LeaseEventKind.Committed, lease.Lease, LeaseSource.Reconciliation, time.GetUtcNow())).Change is { } change)
                {
                    desired.Add(change);
                }
            }

            if (++read % options.PageSize == 0)
            {
                progress?.Report(new ReconciliationProgress.LeasesRead(family, channel.Endpoint, read, active, Done: false));
            }
        }

        progress?.Report(new ReconciliationProgress.LeasesRead(family, channel.Endpoint, read, active, Done: true));
        return active;
    }

    private async Task<(List<DnsRecord> Records, List<DnsName> Zones)> ReadZonesAsync(
        IProgress<ReconciliationProgress>? progress, CancellationToken cancellationToken)
    {
        var client = new ZoneTransferClient(time: time);
        var records = new List<DnsRecord>();
        var zones = new List<DnsName>();
        foreach (var domain in routing.Forward.Zones.Concat(routing.Reverse.Zones).Select(z => z.Domain))
        {
            var primary = domain.Servers[0];
            var zone = await client.TransferAsync(primary.Server, domain.Zone, primary.Key, cancellationToken).ConfigureAwait(false);
            var relevant = zone.AddressPointerAndDhcidRecords().ToList();
            records.AddRange(relevant);
            zones.Add(domain.Zone);
            progress?.Report(new ReconciliationProgress.ZoneRead(domain.Zone, primary.Server.ToString(), relevant.Count));
        }

        return (records, zones);
    }
}
