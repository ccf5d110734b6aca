using Fos1.Testbed.Dns;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Tests.Network;

public sealed class DhcpLabTests
{
    [Fact]
    public async Task A_lab_has_two_namespaces_joined_by_a_veth_and_leaves_nothing_behind()
    {
        var lab = await DhcpLab.CreateAsync();
        var names = await NetworkNamespace.ListAsync();
        var hostInterface = lab.HostLink!.HostInterface;

        Assert.Contains(lab.Server.Name, names);
        Assert.Contains(lab.Client.Name, names);
        Assert.True(File.Exists($"/sys/class/net/{hostInterface}/ifindex"));

        await lab.DisposeAsync();
        var after = await NetworkNamespace.ListAsync();

        Assert.DoesNotContain(lab.Server.Name, after);
        Assert.DoesNotContain(lab.Client.Name, after);
        Assert.False(File.Exists($"/sys/class/net/{hostInterface}/ifindex"));
    }

    [Fact]
    public async Task The_client_side_reaches_the_server_side_over_the_veth()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        var zones = new[] { new BindZone("home.arpa") };
        await using var bind4 = await BindServer.StartAsync(new() { Zones = zones, Namespace = lab.Server, ListenAddress = DhcpLab.ServerAddress4 });

        var fromClient = await Dig.QueryFullAsync(bind4.Endpoint, "home.arpa", "SOA", lab.Client);

        Assert.Equal("NOERROR", fromClient.Status);
        Assert.Null(lab.HostLink);
    }

    [Fact]
    public async Task Named_in_the_server_namespace_listens_on_that_namespace_s_own_loopback()
    {
        await using var lab = await DhcpLab.CreateAsync();
        await using var bind = await BindServer.StartAsync(new() { Zones = [new BindZone("home.arpa")], Namespace = lab.Server });

        var inside = await Dig.QueryFullAsync(bind.Endpoint, "home.arpa", "SOA", lab.Server);
        var fromClientNamespace = await Dig.QueryFullAsync(bind.Endpoint, "home.arpa", "SOA", lab.Client);

        Assert.Equal("NOERROR", inside.Status);
        Assert.False(fromClientNamespace.Answered);
    }

    [Fact]
    public async Task Disposing_a_namespace_kills_the_processes_left_inside()
    {
        var space = await NetworkNamespace.CreateAsync("t");
        var bind = await BindServer.StartAsync(new() { Zones = [new BindZone("home.arpa")], Namespace = space });
        var pids = await space.ProcessIdsAsync();

        await space.DisposeAsync();

        Assert.Single(pids);
        Assert.DoesNotContain(space.Name, await NetworkNamespace.ListAsync());
        await bind.DisposeAsync();
    }
}
