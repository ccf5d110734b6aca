using System.Net;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Tests;

/// <summary>Name changes for tests: one host per number, all in home.arpa.</summary>
internal static class SampleChanges
{
    public static Dhcid ClientDhcid(int client) =>
        new([0x00, 0x01, 0x01, .. BitConverter.GetBytes(client), .. new byte[28]]);

    public static NameChange Add(int host, int client = -1, string? address = null) =>
        new(NameChangeKind.Add, true, true, DnsName.Parse($"h{host}.home.arpa"),
            IPAddress.Parse(address ?? $"10.{(host >> 16) & 255}.{(host >> 8) & 255}.{host & 255}"),
            ClientDhcid(client < 0 ? host : client), 1200, true,
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddSeconds(host));

    public static NameChange Remove(int host, int client = -1, string? address = null) =>
        Add(host, client, address) with { Kind = NameChangeKind.Remove, LeaseExpiresOn = null };
}
