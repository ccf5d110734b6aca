using System.Net;
using Fos1.Ddns;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;

namespace Fos1.Integration.Tests.Kea;

/// <summary>
/// Real DHCP traffic: perfdhcp clients in one namespace, real kea-dhcp4/6 in another sending NCRs
/// across a host link to the real sidecar, which updates a real BIND.
/// </summary>
public sealed class KeaThroughSidecarTests
{
    [Fact]
    public async Task Every_DHCPv4_lease_resolves_forward_and_backward_with_the_DHCID_Kea_computed_and_a_deleted_lease_vanishes()
    {
        await using var lab = await DhcpLab.CreateAsync();
        await using var stack = await DnsStack.StartAsync(ncrAddress: lab.HostLink!.HostAddress);
        await using var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            NcrReceiver = stack.Sidecar.Endpoint,
            ValidLifetime = 1800,
            Hooks = [KeaHookLibrary.LeaseCommands],
        });

        await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = 10, Clients = 10 });
        var leases = await kea.ReadLeasesAsync();

        Assert.Equal(10, leases.Count);
        foreach (var lease in leases)
        {
            var fqdn = $"host-{lease.Address.ToString().Replace('.', '-')}.home.arpa";
            // perfdhcp sends client-id 01 + MAC, and Kea prefers it over the MAC for the DHCID.
            var clientId = new byte[] { 1 }.Concat(Convert.FromHexString(lease.ClientIdentifier.Replace(":", "", StringComparison.Ordinal))).ToArray();
            var dhcid = ClientIdentity.FromClientIdentifier(clientId).ComputeDhcid(DnsName.Parse(fqdn));
            await stack.WaitForAsync(fqdn, "A", lease.Address.ToString());
            await stack.WaitForAsync(fqdn, "DHCID", dhcid.ToString());
            await stack.WaitForAsync(Changes.Ptr(lease.Address.ToString()), "PTR", fqdn + ".");
        }

        var released = leases.Take(4).ToList();
        foreach (var lease in released)
        {
            await kea.DeleteLeaseAsync(lease.Address, updateDdns: true);
        }

        foreach (var lease in released)
        {
            var fqdn = $"host-{lease.Address.ToString().Replace('.', '-')}.home.arpa";
            await stack.WaitForAsync(fqdn, "A");
            await stack.WaitForAsync(Changes.Ptr(lease.Address.ToString()), "PTR");
        }

        var kept = leases[^1];
        await stack.WaitForAsync($"host-{kept.Address.ToString().Replace('.', '-')}.home.arpa", "A", kept.Address.ToString());
    }

    [Fact]
    public async Task Every_DHCPv6_lease_gets_an_AAAA_and_an_ip6_arpa_PTR_owned_by_the_clients_DUID()
    {
        await using var lab = await DhcpLab.CreateAsync();
        await using var stack = await DnsStack.StartAsync(ncrAddress: lab.HostLink!.HostAddress);
        await using var kea = await KeaDhcp6Server.StartAsync(lab, new KeaDhcpOptions
        {
            NcrReceiver = stack.Sidecar.Endpoint,
            Hooks = [KeaHookLibrary.LeaseCommands],
        });

        await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions { Exchanges = 5, Clients = 5, ExitWait = TimeSpan.FromSeconds(3) });
        var leases = await kea.ReadLeasesAsync();

        // perfdhcp -6 may complete fewer exchanges on a loaded machine; every lease Kea did grant is checked.
        Assert.InRange(leases.Count, 2, 5);
        foreach (var lease in leases)
        {
            // kea-dhcp6 stores the qualified name with its trailing dot.
            var fqdn = lease.Hostname.TrimEnd('.');
            Assert.Equal($"host-{lease.Address.ToString().Replace(':', '-')}.home.arpa", fqdn);
            var duid = Convert.FromHexString(lease.ClientIdentifier.Replace(":", "", StringComparison.Ordinal));
            var dhcid = ClientIdentity.FromDuid(duid).ComputeDhcid(DnsName.Parse(fqdn));
            await stack.WaitForAsync(fqdn, "AAAA", lease.Address.ToString());
            await stack.WaitForAsync(fqdn, "DHCID", dhcid.ToString());
            await stack.WaitForAsync(Changes.Ptr(lease.Address.ToString()), "PTR", fqdn + ".");
        }

        await kea.DeleteLeaseAsync(leases[0].Address, updateDdns: true);

        await stack.WaitForAsync(leases[0].Hostname.TrimEnd('.'), "AAAA");
        await stack.WaitForAsync(Changes.Ptr(leases[0].Address.ToString()), "PTR");
    }
}
