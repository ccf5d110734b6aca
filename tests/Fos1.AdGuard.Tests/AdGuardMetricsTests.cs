using Fos1.AdGuard.Api;
using Fos1.AdGuard.Convergence;
using Fos1.AdGuard.Desired;
using Fos1.Testbed.AdGuard;
using Fos1.Testbed.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.AdGuard.Tests;

/// <summary>Convergences and API calls as counted by <see cref="AdGuardMetrics"/>, against the stand-in AdGuard Home.</summary>
public sealed class AdGuardMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeasurementLog _log;
    private readonly AdGuardMetrics _metrics;

    public AdGuardMetricsTests()
    {
        _log = new MeasurementLog(_meters);
        _metrics = new AdGuardMetrics(_meters);
    }

    public void Dispose()
    {
        _log.Dispose();
        _meters.Dispose();
    }

    private AdGuardApplier Applier(AdGuardApiClient client) => new(client, NullLogger<AdGuardApplier>.Instance, _metrics);

    private static DesiredState Desired() => DesiredStateBuilder.Build(Crs.SampleLists(), Crs.SampleClients());

    [Fact]
    public async Task A_first_convergence_counts_each_call_and_one_converged_and_a_second_counts_no_calls_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();

        await Applier(fake.Client()).ConvergeAsync(Desired(), new AdGuardConvergeOptions());
        await Applier(fake.Client()).ConvergeAsync(Desired(), new AdGuardConvergeOptions());

        Assert.Equal(2, _log.Sum("fos1.adguard.converges", ("result", "converged")));
        Assert.Equal(6, _log.Sum("fos1.adguard.calls", ("result", "ok")));
        Assert.Equal(2, _log.Sum("fos1.adguard.calls", ("operation", "AddClient"), ("result", "ok")));
        Assert.Equal(0, _log.Sum("fos1.adguard.calls", ("result", "rejected")));
    }

    [Fact]
    public async Task A_call_adguard_refuses_counts_a_rejected_call_and_a_rejected_convergence_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        var lists = Crs.SampleLists().Append(Crs.List("gone", new() { Urls = ["https://unreachable.example/list.txt"] }));

        await Applier(fake.Client()).ConvergeAsync(DesiredStateBuilder.Build(lists, Crs.SampleClients()), new AdGuardConvergeOptions());

        Assert.Equal(1, _log.Sum("fos1.adguard.converges", ("result", "rejected")));
        Assert.Equal(1, _log.Sum("fos1.adguard.calls", ("operation", "AddFilterUrl"), ("result", "rejected")));
    }

    [Fact]
    public async Task State_that_cannot_be_read_counts_an_unreachable_convergence_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();

        await Assert.ThrowsAsync<AdGuardApiException>(() => Applier(fake.Client("wrong")).ConvergeAsync(Desired(), new AdGuardConvergeOptions()));

        var converge = Assert.Single(_log.Of("fos1.adguard.converges"));
        Assert.Equal(new Dictionary<string, string> { ["result"] = "unreachable" }, converge.Tags);
        Assert.Empty(_log.Of("fos1.adguard.calls"));
    }
}
