using Fos1.Dns.Server.Serving;
using Fos1.Testbed.Dns;
using Fos1.Zones.Policy;

namespace Fos1.Dns.Server.Tests.Serving;

public sealed class LiveServingConfigurationTests
{
    [Fact]
    public async Task A_swapped_policy_takes_effect_for_the_next_update_without_a_restart()
    {
        await using var server = RunningServer.Start(UpdatePolicy.DenyAll);
        string[] add = ["update add host.home.arpa. 300 A 192.0.2.7"];

        var refused = await Nsupdate.SendAsync(server.EndPoint, Sample.NsupdateKey, "home.arpa", add);
        Assert.Contains("REFUSED", refused.StandardError, StringComparison.Ordinal);

        server.Serving.Swap(server.Serving.Current with { Policy = new UpdatePolicy([UpdateGrant.ForKey(Sample.KeyName, Sample.Origin, new AnyNameInZone())]) });
        var applied = await Nsupdate.SendAsync(server.EndPoint, Sample.NsupdateKey, "home.arpa", add);
        Assert.True(applied.ExitCode == 0, applied.StandardError);

        server.Serving.Swap(server.Serving.Current with { Policy = UpdatePolicy.DenyAll });
        var refusedAgain = await Nsupdate.SendAsync(server.EndPoint, Sample.NsupdateKey, "home.arpa", ["update delete host.home.arpa. A"]);
        Assert.Contains("REFUSED", refusedAgain.StandardError, StringComparison.Ordinal);
        Assert.NotNull(server.Home.Find(DnsName.Parse("host.home.arpa"), Fos1.Zones.Records.DnsType.A));
    }
}
