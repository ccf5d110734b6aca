using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Ddns.Reconciliation;
using Fos1.Outbox;
using Fos1.Outbox.Changes;
using Fos1.Sidecars.Kea.Pipeline;
using Fos1.Sidecars.Kea.Services;
using Fos1.Testbed.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Integration.Tests.KeaSidecar;

/// <summary>The kea sidecar's own instruments (no processes): lease events by source and kind, reconciliation drift.</summary>
public sealed class KeaSidecarMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fos1-kea-metrics-");
    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementLog _log;

    public KeaSidecarMetricsTests() => _log = new MeasurementLog(_meters);

    public void Dispose()
    {
        _log.Dispose();
        _meters.Dispose();
        _directory.Delete(recursive: true);
    }

    private static LeaseEvent Event(LeaseEventKind kind, LeaseSource source, string address, string? host, byte client) => new(
        kind,
        new Lease(IPAddress.Parse(address), LeaseType.V4, 1, [0, 1, 2, 3, 4, client], null, null, 0, host, true, true, 600, Now.AddMinutes(10), 1),
        source,
        Now);

    [Fact]
    public async Task Lease_events_are_counted_by_source_and_kind_including_those_that_ask_nothing_of_dns()
    {
        using var outbox = UpdateOutbox.Open(new OutboxOptions { Directory = _directory.FullName }, NullLogger<UpdateOutbox>.Instance);
        var planner = new LeaseNameChangePlanner(new HostNamer(new HostNamingOptions { QualifyingSuffix = DnsName.Parse("home.arpa") }));
        var intake = new LeaseEventIntake(planner, new ChangeIntake(outbox, _meters), _meters, NullLogger<LeaseEventIntake>.Instance);

        await intake.AcceptAsync([
            Event(LeaseEventKind.Committed, LeaseSource.HookSpool, "192.0.2.10", "phone", 1),
            Event(LeaseEventKind.Committed, LeaseSource.HookSpool, "192.0.2.11", "tv", 2),
            Event(LeaseEventKind.Released, LeaseSource.HookSpool, "192.0.2.12", "laptop", 3),
        ], CancellationToken.None);
        await intake.AcceptAsync([Event(LeaseEventKind.Expired, LeaseSource.Memfile, "192.0.2.13", null, 4)], CancellationToken.None);

        Assert.Equal(2, _log.Sum("fos1.lease.events", ("source", "HookSpool"), ("kind", "Committed")));
        Assert.Equal(1, _log.Sum("fos1.lease.events", ("source", "HookSpool"), ("kind", "Released")));
        Assert.Equal(1, _log.Sum("fos1.lease.events", ("source", "Memfile"), ("kind", "Expired")));
        Assert.Equal(4, _log.Of("fos1.lease.events").Count);
        Assert.Equal(3, _log.Sum("fos1.lease.changes", ("source", "HookSpool")));
    }

    private static ReconciliationItem Drift(ReconciliationAction action, string name, string address) => new(
        action, ReconciliationReason.ForwardMissing, DnsName.Parse(name),
        new NameChange(action == ReconciliationAction.Add ? NameChangeKind.Add : NameChangeKind.Remove, true, false, DnsName.Parse(name),
            IPAddress.Parse(address), new Dhcid([0, 1, 1, 2, 3, 4]), 600, true, null),
        "test");

    private static ReconciliationPlan Plan(params ReconciliationItem[] items) => new(
        items,
        new ReconciliationCounts(0, 0, items.Count(i => i.Action == ReconciliationAction.Add), items.Count(i => i.Action == ReconciliationAction.Remove), 0, 0, 0, 0));

    private double Streak() => Assert.Single(_log.Observe("fos1.reconciliation.drift.consecutive_runs")).Value;

    [Fact]
    public void Drift_found_then_gone_at_the_next_run_counts_as_fixed_and_ends_the_streak()
    {
        var metrics = new ReconciliationMetrics(_meters);
        var phone = Drift(ReconciliationAction.Add, "phone.home.arpa", "192.0.2.10");
        var stale = Drift(ReconciliationAction.Remove, "old.home.arpa", "192.0.2.99");

        metrics.Succeeded(Plan(phone, stale));
        Assert.Equal(1, Streak());
        metrics.Succeeded(Plan(stale)); // the add landed, the remove did not
        Assert.Equal(2, Streak());
        metrics.Failed(); // neither history nor streak changes
        Assert.Equal(2, Streak());
        metrics.Succeeded(Plan());

        Assert.Equal(0, Streak());
        Assert.Equal(1, _log.Sum("fos1.reconciliation.drift", ("action", "add")));
        Assert.Equal(2, _log.Sum("fos1.reconciliation.drift", ("action", "remove")));
        Assert.Equal(1, _log.Sum("fos1.reconciliation.drift.fixed", ("action", "add")));
        Assert.Equal(1, _log.Sum("fos1.reconciliation.drift.fixed", ("action", "remove")));
        Assert.Equal(3, _log.Sum("fos1.reconciliation.runs", ("result", "ok")));
        Assert.Equal(1, _log.Sum("fos1.reconciliation.runs", ("result", "failed")));
    }
}
