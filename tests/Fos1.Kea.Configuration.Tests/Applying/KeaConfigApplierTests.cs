using System.Text.Json.Nodes;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.ControlSocket;
using Fos1.Testbed.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Kea.Configuration.Tests.Applying;

public sealed class KeaConfigApplierTests : IDisposable
{
    private static readonly JsonObject Config = new() { ["Dhcp4"] = new JsonObject { ["subnet4"] = new JsonArray() } };

    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task A_config_kea_passes_is_tested_then_set_then_written()
    {
        ScriptedKeaChannel? channel = null;
        channel = new ScriptedKeaChannel(command => command.Name switch
        {
            "config-get" => ScriptedKeaChannel.Ok(channel!.Running),
            "config-write" => ScriptedKeaChannel.Ok(new JsonObject { ["filename"] = "/etc/kea/kea-dhcp4.conf", ["size"] = 10 }),
            _ => ScriptedKeaChannel.Ok(),
        });
        using var applier = Applier(channel);

        var result = await applier.ApplyAsync(Config, CancellationToken.None);

        Assert.Equal(new ApplyResult.Applied(KeaConfigHash.Compute(Config), false, "/etc/kea/kea-dhcp4.conf"), result);
        Assert.Equal(["config-test", "config-set", "config-get", "config-write"], channel.Sent);
        Assert.Equal(KeaConfigHash.Compute(Config), applier.LastAppliedHash);
    }

    [Fact]
    public async Task A_config_kea_refuses_in_config_test_is_never_set_and_carries_keas_text()
    {
        var channel = new ScriptedKeaChannel(command => command.Name == "config-test"
            ? new KeaCommandResponse(1, "subnet configuration failed: bad pool", null)
            : ScriptedKeaChannel.Ok());
        using var applier = Applier(channel);

        var result = await applier.ApplyAsync(Config, CancellationToken.None);

        Assert.Equal(new ApplyResult.Rejected(KeaConfigHash.Compute(Config), "config-test", "subnet configuration failed: bad pool"), result);
        Assert.Equal(["config-test"], channel.Sent);
        Assert.Null(applier.LastAppliedHash);
    }

    [Fact]
    public async Task The_same_config_is_not_sent_again_while_kea_still_runs_what_was_applied()
    {
        ScriptedKeaChannel? channel = null;
        channel = new ScriptedKeaChannel(command => command.Name == "config-get" ? ScriptedKeaChannel.Ok(channel!.Running) : ScriptedKeaChannel.Ok());
        using var applier = Applier(channel);
        await applier.ApplyAsync(Config, CancellationToken.None);
        channel.Sent.Clear();

        var again = await applier.ApplyAsync(Config, CancellationToken.None);
        var sentForAgain = channel.Sent.ToList();
        channel.Running = new JsonObject { ["Dhcp4"] = new JsonObject { ["valid-lifetime"] = 60 } };
        channel.Sent.Clear();
        var afterDrift = await applier.ApplyAsync(Config, CancellationToken.None);

        Assert.Equal(new ApplyResult.Applied(KeaConfigHash.Compute(Config), true, null), again);
        Assert.Equal(["config-get"], sentForAgain);
        Assert.False(((ApplyResult.Applied)afterDrift).Unchanged);
        Assert.Equal(["config-get", "config-test", "config-set", "config-get", "config-write"], channel.Sent);
    }

    [Fact]
    public async Task A_failed_write_reports_it_and_the_next_apply_writes_again()
    {
        var channel = new ScriptedKeaChannel(command => command.Name == "config-write"
            ? new KeaCommandResponse(1, "Unable to open file", null)
            : ScriptedKeaChannel.Ok(new JsonObject()));
        using var applier = Applier(channel);

        var result = await applier.ApplyAsync(Config, CancellationToken.None);

        Assert.Equal("Unable to open file", ((ApplyResult.Applied)result).WriteFailure);
        Assert.Null(applier.LastAppliedHash);
    }

    [Fact]
    public async Task An_unreachable_kea_is_reported_not_thrown()
    {
        var channel = new ScriptedKeaChannel(_ => throw new KeaControlException(KeaControlFailure.Unreachable, "Kea at unix:/scripted is unreachable"));
        using var applier = Applier(channel);

        var result = await applier.ApplyAsync(Config, CancellationToken.None);

        Assert.Equal(new ApplyResult.Unreachable(KeaConfigHash.Compute(Config), "Kea at unix:/scripted is unreachable"), result);
    }

    public void Dispose() => _meters.Dispose();

    private KeaConfigApplier Applier(IKeaControlChannel channel) =>
        new(channel, new KeaConfigMetrics(_meters), NullLogger<KeaConfigApplier>.Instance);
}
