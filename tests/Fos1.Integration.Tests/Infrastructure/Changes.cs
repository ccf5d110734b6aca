using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;

namespace Fos1.Integration.Tests.Infrastructure;

/// <summary>Name changes as Kea would send them for made-up clients.</summary>
internal static class Changes
{
    public static Dhcid ClientDhcid(string fqdn, byte client) =>
        ClientIdentity.FromHardwareAddress(1, [0x02, 0, 0, 0, 0, client]).ComputeDhcid(DnsName.Parse(fqdn));

    public static NameChange Add(string host, string address, byte client, uint ttl = 1200) => new(
        NameChangeKind.Add, true, true, DnsName.Parse($"{host}.{DnsStack.ForwardZone}"), IPAddress.Parse(address),
        ClientDhcid($"{host}.{DnsStack.ForwardZone}", client), ttl, true, DateTimeOffset.UtcNow.AddHours(1));

    public static NameChange Remove(NameChange add) => add with { Kind = NameChangeKind.Remove };

    public static string Ptr(string address) => ReverseName.For(IPAddress.Parse(address)).Text;
}
