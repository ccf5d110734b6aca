using System.Net;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Kea.Ncr;
using Fos1.Testbed.Kea;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.Ncr;

/// <summary>
/// Kea's own kea-dhcp-ddns and the sidecar, started from the same kea-dhcp-ddns.conf against one BIND:
/// each removes what the other added, so operators can switch either way without stale records.
/// </summary>
public sealed class D2InterchangeabilityTests
{
    [Fact]
    public async Task Records_added_by_kea_dhcp_ddns_are_removed_by_the_sidecar_and_the_other_way_round()
    {
        await using var stack = await DnsStack.StartAsync();
        await using var d2 = await KeaDdnsServer.StartAsync(DnsStack.D2Options(stack.Bind, IPAddress.Loopback));
        var byD2 = Add("fromd2", "192.0.2.70", 70);
        var bySidecar = Add("fromsidecar", "192.0.2.71", 71);

        await SendAsync(d2.Endpoint, byD2);
        await stack.SendAsync(bySidecar);
        await stack.WaitForAsync("fromd2.home.arpa", "A", "192.0.2.70");
        await stack.WaitForAsync(Ptr("192.0.2.70"), "PTR", "fromd2.home.arpa.");
        await stack.WaitForAsync("fromsidecar.home.arpa", "A", "192.0.2.71");
        await stack.WaitForAsync(Ptr("192.0.2.71"), "PTR", "fromsidecar.home.arpa.");

        await stack.SendAsync(Remove(byD2));
        await SendAsync(d2.Endpoint, Remove(bySidecar));

        await stack.WaitForAsync("fromd2.home.arpa", "A");
        await stack.WaitForAsync("fromd2.home.arpa", "DHCID");
        await stack.WaitForAsync(Ptr("192.0.2.70"), "PTR");
        await DnsStack.WaitForAsync(stack.Bind, "fromsidecar.home.arpa", "A", [], d2.RecentOutput);
        await DnsStack.WaitForAsync(stack.Bind, "fromsidecar.home.arpa", "DHCID", [], d2.RecentOutput);
        await DnsStack.WaitForAsync(stack.Bind, Ptr("192.0.2.71"), "PTR", [], d2.RecentOutput);
    }

    [Fact]
    public async Task A_name_that_kea_dhcp_ddns_gave_one_client_is_refused_to_another_by_the_sidecar()
    {
        await using var stack = await DnsStack.StartAsync();
        await using var d2 = await KeaDdnsServer.StartAsync(DnsStack.D2Options(stack.Bind, IPAddress.Loopback));
        var owner = Add("shared", "192.0.2.80", 80);
        await SendAsync(d2.Endpoint, owner);
        await stack.WaitForAsync("shared.home.arpa", "A", "192.0.2.80");

        await stack.SendAsync(Add("shared", "192.0.2.81", 81));
        await Testbed.Processes.Poll.UntilAsync(() => stack.Sidecar.OutputContains("Add shared.home.arpa 192.0.2.81: Conflict"),
            TimeSpan.FromSeconds(15), "the sidecar to refuse the name", () => stack.Sidecar.RecentOutput);

        await stack.WaitForAsync("shared.home.arpa", "A", "192.0.2.80");
        await stack.WaitForAsync("shared.home.arpa", "DHCID", owner.Dhcid.ToString());
    }

    private static async Task SendAsync(IPEndPoint to, Ddns.Leases.NameChange change)
    {
        using var udp = new System.Net.Sockets.UdpClient(to.AddressFamily);
        await udp.SendAsync(NameChangeRequestCodec.Encode(change), to);
    }
}
