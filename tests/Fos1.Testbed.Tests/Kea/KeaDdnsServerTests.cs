using System.Net;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Tests.Kea;

public sealed class KeaDdnsServerTests
{
    // DHCID RDATA: identifier type 0001 (client-id), digest type 1 (SHA-256), 32 digest bytes.
    private const string DhcidHex = "000101" + "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

    private static BindServerOptions HomeArpa(NetworkNamespace? inside = null) => new()
    {
        Zones = [new BindZone("home.arpa"), new BindZone("2.0.192.in-addr.arpa")],
        Namespace = inside,
    };

    private static KeaDdnsOptions PointingAt(BindServer bind, NetworkNamespace? inside = null) => new()
    {
        Key = bind.Key,
        ForwardDomains = [new KeaDdnsDomain("home.arpa.", [bind.Endpoint])],
        ReverseDomains = [new KeaDdnsDomain("2.0.192.in-addr.arpa.", [bind.Endpoint])],
        Namespace = inside,
    };

    [Fact]
    public async Task An_add_NCR_sent_to_D2_ends_up_as_A_DHCID_and_PTR_records_in_BIND()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());
        await using var d2 = await KeaDdnsServer.StartAsync(PointingAt(bind));

        await NcrDatagram.SendAsync(d2.Endpoint, NcrDatagram.Build(0, "laptop.home.arpa.", "192.0.2.50", DhcidHex, DateTime.UtcNow.AddHours(1), 1200));
        await Poll.UntilAsync(
            async ct => (await Dig.QueryAsync(bind.Endpoint, "50.2.0.192.in-addr.arpa", "PTR", cancellationToken: ct)).Count > 0,
            TimeSpan.FromSeconds(10), "D2's PTR record", () => d2.RecentOutput);

        Assert.Equal(
            [new DigRecord("laptop.home.arpa.", 1200, "IN", "A", "192.0.2.50")],
            (await Dig.QueryFullAsync(bind.Endpoint, "laptop.home.arpa", "A")).Answers);
        Assert.Equal(
            [Convert.ToBase64String(Convert.FromHexString(DhcidHex))],
            await Dig.QueryAsync(bind.Endpoint, "laptop.home.arpa", "DHCID"));
        Assert.Equal(["laptop.home.arpa."], await Dig.QueryAsync(bind.Endpoint, "50.2.0.192.in-addr.arpa", "PTR"));
    }

    [Fact]
    public async Task A_remove_NCR_sent_to_D2_deletes_the_records_again()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());
        await using var d2 = await KeaDdnsServer.StartAsync(PointingAt(bind));
        var expires = DateTime.UtcNow.AddHours(1);
        await NcrDatagram.SendAsync(d2.Endpoint, NcrDatagram.Build(0, "laptop.home.arpa.", "192.0.2.50", DhcidHex, expires, 1200));
        await Poll.UntilAsync(
            async ct => (await Dig.QueryAsync(bind.Endpoint, "50.2.0.192.in-addr.arpa", "PTR", cancellationToken: ct)).Count > 0,
            TimeSpan.FromSeconds(10), "D2's PTR record", () => d2.RecentOutput);

        await NcrDatagram.SendAsync(d2.Endpoint, NcrDatagram.Build(1, "laptop.home.arpa.", "192.0.2.50", DhcidHex, expires, 1200));
        await Poll.UntilAsync(
            async ct => (await Dig.QueryFullAsync(bind.Endpoint, "50.2.0.192.in-addr.arpa", "PTR", cancellationToken: ct)).Status == "NXDOMAIN",
            TimeSpan.FromSeconds(10), "D2 to remove the PTR record", () => d2.RecentOutput);

        Assert.Equal("NXDOMAIN", (await Dig.QueryFullAsync(bind.Endpoint, "laptop.home.arpa", "A")).Status);
    }

    [Fact]
    public async Task Kea_D2_and_BIND_together_in_the_server_namespace_register_perfdhcp_clients_in_DNS()
    {
        await using var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        await using var bind = await BindServer.StartAsync(HomeArpa(lab.Server));
        await using var d2 = await KeaDdnsServer.StartAsync(PointingAt(bind, lab.Server));
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { NcrReceiver = d2.Endpoint });

        await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 3, Clients = 3 });
        var leases = await kea.ReadLeasesAsync();
        await Poll.UntilAsync(
            async ct =>
            {
                foreach (var lease in leases)
                {
                    if ((await Dig.QueryAsync(bind.Endpoint, lease.Hostname, "A", lab.Server, ct)).Count == 0)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(15), "every lease's A record", () => d2.RecentOutput);

        Assert.Equal(3, leases.Count);
        foreach (var lease in leases)
        {
            Assert.Equal([lease.Address.ToString()], await Dig.QueryAsync(bind.Endpoint, lease.Hostname, "A", lab.Server));
            var reverse = string.Join('.', lease.Address.GetAddressBytes().Reverse()) + ".in-addr.arpa";
            Assert.Equal([lease.Hostname + "."], await Dig.QueryAsync(bind.Endpoint, reverse, "PTR", lab.Server));
        }
    }

    [Fact]
    public async Task Disposing_stops_D2_and_deletes_its_directory()
    {
        var d2 = await KeaDdnsServer.StartAsync(new KeaDdnsOptions { Key = TsigKey.Generate() });
        var status = await d2.ControlSocket!.SendAsync("status-get");

        await d2.DisposeAsync();

        Assert.Equal(KeaCommandResult.Success, status.Result);
        Assert.False(d2.IsRunning);
        Assert.False(Directory.Exists(d2.Directory));
        Assert.True(FreePort.IsUnused(d2.Endpoint.Port));
    }
}
