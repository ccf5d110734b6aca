using System.Net;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Zones.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>The kea sidecar's own sender and RFC 4703 plans against the server.</summary>
public sealed class DnsUpdateSenderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static async Task<Fos1.Dns.Sending.UpdateOutcome> Send(RunningServer server, UpdateMessagePlan plan)
    {
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        return await sender.SendAsync(plan, new DnsUpdateTarget(server.EndPoint, Sample.Key), Timeout);
    }

    [Fact]
    public async Task Forward_add_on_a_free_name_writes_the_address_and_dhcid()
    {
        await using var server = RunningServer.Start();
        var change = Sample.Change("host.home.arpa", "192.0.2.7");

        var outcome = await Send(server, UpdatePlans.ForwardAdd(Sample.Origin, change));

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), outcome);
        Assert.Equal(IPAddress.Parse("192.0.2.7"), Assert.Single(server.Home.Find(change.Fqdn, DnsType.A)!.Data).ToAddress());
        Assert.Equal(change.Dhcid, Assert.Single(server.Home.Find(change.Fqdn, DnsType.Dhcid)!.Data).ToDhcid());
    }

    [Fact]
    public async Task Forward_add_is_yxdomain_when_another_client_holds_the_name_and_replace_is_nxrrset()
    {
        await using var server = RunningServer.Start();
        await Send(server, UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change("host.home.arpa", "192.0.2.7", clientByte: 1)));
        var foreign = Sample.Change("host.home.arpa", "192.0.2.8", clientByte: 2);

        Assert.Equal(new UpdateAnswered(ResponseCode.YxDomain), await Send(server, UpdatePlans.ForwardAdd(Sample.Origin, foreign)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NxRrset), await Send(server, UpdatePlans.ForwardReplace(Sample.Origin, foreign)));
        Assert.Equal(IPAddress.Parse("192.0.2.7"), Assert.Single(server.Home.Find(foreign.Fqdn, DnsType.A)!.Data).ToAddress());
    }

    [Fact]
    public async Task Reverse_replace_then_removes_leave_both_zones_as_they_started()
    {
        await using var server = RunningServer.Start();
        var change = Sample.Change("host.home.arpa", "192.0.2.7");
        await Send(server, UpdatePlans.ForwardAdd(Sample.Origin, change));

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await Send(server, UpdatePlans.ReverseReplace(Sample.ReverseOrigin, change)));
        var ptr = server.Reverse.Find(DnsName.Parse("7.2.0.192.in-addr.arpa"), DnsType.Ptr)!;
        Assert.Equal(change.Fqdn, Assert.Single(ptr.Data).ToTargetName());

        var removed = change with { Kind = Fos1.Ddns.Leases.NameChangeKind.Remove };
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await Send(server, UpdatePlans.ForwardRemoveAddress(Sample.Origin, removed)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await Send(server, UpdatePlans.ForwardRemoveName(Sample.Origin, removed)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await Send(server, UpdatePlans.ReverseRemove(Sample.ReverseOrigin, removed)));
        Assert.False(server.Home.HasName(change.Fqdn));
        Assert.False(server.Reverse.HasName(DnsName.Parse("7.2.0.192.in-addr.arpa")));
    }

    [Fact]
    public async Task An_update_for_a_zone_the_server_does_not_have_is_notauth()
    {
        await using var server = RunningServer.Start();
        var change = Sample.Change("host.example.org", "192.0.2.7");

        var outcome = await Send(server, UpdatePlans.ForwardAdd(DnsName.Parse("example.org"), change));

        Assert.Equal(new UpdateAnswered(ResponseCode.NotAuth), outcome);
    }

    [Fact]
    public async Task Many_concurrent_updates_to_one_zone_are_all_applied_with_one_serial_step_each()
    {
        await using var server = RunningServer.Start();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        var target = new DnsUpdateTarget(server.EndPoint, Sample.Key);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            sender.SendAsync(UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change($"h{i}.home.arpa", $"192.0.2.{i}", (byte)i)), target, Timeout)));

        Assert.All(outcomes, o => Assert.Equal(new UpdateAnswered(ResponseCode.NoError), o));
        Assert.Equal(150u, server.Home.Serial);
        Assert.Equal(50, server.Store.CommitCount);
    }
}
