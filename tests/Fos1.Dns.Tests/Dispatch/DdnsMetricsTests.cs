using Fos1.Ddns.Updates;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Fos1.Testbed.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Dns.Tests.Dispatch.DispatchFixtures;

namespace Fos1.Dns.Tests.Dispatch;

/// <summary>The instruments operators alert on, after known changes: exact counts and tags.</summary>
public sealed class DdnsMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementLog _log;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public DdnsMetricsTests() => _log = new MeasurementLog(_meters);

    public void Dispose()
    {
        _log.Dispose();
        _meters.Dispose();
    }

    private async Task RunAsync(IDnsUpdateSender sender, Action<InMemoryPendingChanges> fill, int count)
    {
        var metrics = new DdnsMetrics(_meters);
        var runner = new NameChangeRunner(sender, Routing(), FastRetry, metrics, TimeProvider.System, NullLogger<NameChangeRunner>.Instance);
        using var dispatcher = new NameChangeDispatcher(runner, metrics, _time, NullLogger<NameChangeDispatcher>.Instance, 4);
        var pending = new InMemoryPendingChanges();
        fill(pending);
        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);
        await Poll.UntilAsync(() => pending.Completed.Count >= count || run.IsCompleted, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_name_held_by_another_client_counts_one_conflict_refused_in_its_forward_zone()
    {
        // Forward add: YXDOMAIN (name in use); forward replace with "DHCID = mine": NXRRSET (someone else's).
        var sender = new ScriptedSender((_, _, attempt) => new UpdateAnswered(attempt == 1 ? ResponseCode.YxDomain : ResponseCode.NxRrset));

        await RunAsync(sender, pending => pending.Add(Add("laptop", "192.0.2.20", 7)), 1);

        var conflict = Assert.Single(_log.Of("fos1.ddns.conflicts"));
        Assert.Equal(1, conflict.Value);
        Assert.Equal(new Dictionary<string, string> { ["zone"] = "home.arpa" }, conflict.Tags);
        Assert.Equal(1, _log.Sum("fos1.dns.updates", ("zone", "home.arpa"), ("step", "ForwardAdd"), ("rcode", "YxDomain")));
        Assert.Equal(1, _log.Sum("fos1.dns.updates", ("zone", "home.arpa"), ("step", "ForwardReplace"), ("rcode", "NxRrset")));
    }

    [Fact]
    public async Task A_change_applied_counts_no_conflict_and_its_latency_runs_from_when_it_entered_the_sidecar()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));

        await RunAsync(sender, pending => pending.AddReceived(Add("phone", "192.0.2.10", 1), _time.GetUtcNow() - TimeSpan.FromMilliseconds(1500)), 1);

        Assert.Empty(_log.Of("fos1.ddns.conflicts"));
        var latency = Assert.Single(_log.Of("fos1.lease.apply.latency"));
        Assert.Equal(1500, latency.Value);
        Assert.Equal(new Dictionary<string, string> { ["outcome"] = "Completed" }, latency.Tags);
    }

    [Fact]
    public async Task A_change_without_an_arrival_time_records_no_apply_latency()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));

        await RunAsync(sender, pending => pending.Add(Add("phone", "192.0.2.10", 1)), 1);

        Assert.Empty(_log.Of("fos1.lease.apply.latency"));
        Assert.Equal(1, _log.Sum("fos1.ddns.changes", ("outcome", "Completed")));
    }

    [Fact]
    public async Task An_unreachable_server_counts_retries_by_zone_step_and_network_reason()
    {
        var sender = new ScriptedSender((plan, _, attempt) => plan.Zone.Text == "home.arpa" && attempt <= 2
            ? new UpdateFailed(UpdateFailureKind.NetworkError, "connection refused")
            : new UpdateAnswered(ResponseCode.NoError));

        await RunAsync(sender, pending => pending.Add(Add("tv", "192.0.2.30", 3)), 1);

        var retries = _log.Of("fos1.dns.update.retries");
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal(
            new Dictionary<string, string> { ["reason"] = "NetworkError", ["step"] = "ForwardAdd", ["zone"] = "home.arpa" }, r.Tags));
    }
}
