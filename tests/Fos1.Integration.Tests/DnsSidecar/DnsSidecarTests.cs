using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;
using Fos1.Zones.Records;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.DnsSidecar;

/// <summary>
/// The real dns sidecar process as the RFC 2136 primary: real nsupdate and the real kea sidecar update
/// it; what CoreDNS would read (gRPC DnsService, zone files) follows. CoreDNS itself cannot be
/// installed here, so the gRPC side is read with the same client call CoreDNS's grpc plugin makes.
/// </summary>
public sealed class DnsSidecarTests
{
    private static readonly string[] Zones = [DnsStack.ForwardZone, DnsStack.ReverseZone4];

    [Fact]
    public async Task An_nsupdate_change_is_answered_over_gRPC_written_to_a_zone_file_named_checkzone_accepts_and_survives_a_kill()
    {
        var key = TsigKey.Generate();
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, key);

        var sent = await Nsupdate.SendAsync(dns.UpdateEndpoint, key, DnsStack.ForwardZone, ["update add printer.home.arpa. 600 IN A 192.0.2.5"]);
        Assert.True(sent.ExitCode == 0, sent.StandardError + dns.RecentOutput);

        AssertAnswer(["192.0.2.5"], await GrpcQuery.AskAsync(dns.GrpcEndpoint, "printer.home.arpa", DnsType.A));
        Assert.Equal("NxDomain", (await GrpcQuery.AskAsync(dns.GrpcEndpoint, "nobody.home.arpa", DnsType.A)).Code);
        var file = Path.Combine(dns.PublishDirectory, "home.arpa.zone");
        await Poll.UntilAsync(() => File.Exists(file) && File.ReadAllText(file).Contains("printer", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15), "the zone file to show the update", () => dns.RecentOutput);
        Assert.Equal("OK", await GrpcQuery.CheckZoneAsync(DnsStack.ForwardZone, file));

        await dns.RestartAsync(kill: true);

        AssertAnswer(["192.0.2.5"], await GrpcQuery.AskAsync(dns.GrpcEndpoint, "printer.home.arpa", DnsType.A));
    }

    [Fact]
    public async Task The_kea_sidecar_registers_a_lease_in_the_dns_sidecar_and_refuses_another_clients_claim_on_it()
    {
        var key = TsigKey.Generate();
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, key);
        await using var kea = await KeaSidecarProcess.StartAsync(new KeaDdnsOptions
        {
            Key = key,
            ForwardDomains = [new KeaDdnsDomain(DnsStack.ForwardZone, [dns.UpdateEndpoint])],
            ReverseDomains = [new KeaDdnsDomain(DnsStack.ReverseZone4, [dns.UpdateEndpoint])],
        });
        var phone = Add("phone", "192.0.2.10", 1);

        await SendAsync(kea, phone);
        await SendAsync(kea, Add("phone", "192.0.2.66", 66));

        await Poll.UntilAsync(async _ => (await GrpcQuery.AskAsync(dns.GrpcEndpoint, Ptr("192.0.2.10"), DnsType.Ptr)).Data.Count == 1
                && kea.OutputContains("Add phone.home.arpa 192.0.2.66: Conflict"),
            TimeSpan.FromSeconds(15), "the add and the refused claim", () => kea.RecentOutput + dns.RecentOutput);
        AssertAnswer(["192.0.2.10"], await GrpcQuery.AskAsync(dns.GrpcEndpoint, "phone.home.arpa", DnsType.A));
        Assert.Equal(["phone.home.arpa."], (await GrpcQuery.AskAsync(dns.GrpcEndpoint, Ptr("192.0.2.10"), DnsType.Ptr)).Data);
        Assert.Equal([phone.Dhcid.ToString()], (await GrpcQuery.AskAsync(dns.GrpcEndpoint, "phone.home.arpa", DnsType.Dhcid)).Data);
        Assert.Empty((await GrpcQuery.AskAsync(dns.GrpcEndpoint, Ptr("192.0.2.66"), DnsType.Ptr)).Data);

        await SendAsync(kea, Remove(phone));

        // Forward and reverse removes are separate transactions: wait for both.
        await Poll.UntilAsync(async _ => (await GrpcQuery.AskAsync(dns.GrpcEndpoint, "phone.home.arpa", DnsType.A)).Code == "NxDomain"
                && (await GrpcQuery.AskAsync(dns.GrpcEndpoint, Ptr("192.0.2.10"), DnsType.Ptr)).Code == "NxDomain",
            TimeSpan.FromSeconds(15), "the forward and reverse removes", () => kea.RecentOutput + dns.RecentOutput);
        Assert.Empty((await GrpcQuery.AskAsync(dns.GrpcEndpoint, "phone.home.arpa", DnsType.Dhcid)).Data);
    }

    [Fact]
    public async Task A_BIND_secondary_of_the_dns_sidecar_follows_each_update_after_its_NOTIFY()
    {
        var key = TsigKey.Generate();
        var secondaryPort = Testbed.Network.FreePort.ForUdpAndTcp();
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, key,
            notify: [new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, secondaryPort)]);
        await using var secondary = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [],
            Port = secondaryPort,
            SecondaryZones = [new BindSecondaryZone(DnsStack.ForwardZone, dns.UpdateEndpoint)],
        });

        var sent = await Nsupdate.SendAsync(dns.UpdateEndpoint, key, DnsStack.ForwardZone, ["update add tv.home.arpa. 600 IN A 192.0.2.77"]);
        Assert.True(sent.ExitCode == 0, sent.StandardError + dns.RecentOutput);

        await DnsStack.WaitForAsync(secondary, "tv.home.arpa", "A", ["192.0.2.77"], dns.RecentOutput + secondary.RecentOutput);
    }

    [Fact]
    public async Task The_publish_probe_reports_when_the_gRPC_side_serves_a_new_serial_probing_our_own_bridge_because_CoreDNS_cannot_be_installed_here()
    {
        var key = TsigKey.Generate();
        await using var dns = await DnsSidecarProcess.StartAsync(Zones, key, extraArguments: ["--DnsSidecar:CoreDnsProbe=http://{grpc}"]);

        var sent = await Nsupdate.SendAsync(dns.UpdateEndpoint, key, DnsStack.ForwardZone, ["update add cam.home.arpa. 600 IN A 192.0.2.88"]);
        Assert.True(sent.ExitCode == 0, sent.StandardError + dns.RecentOutput);

        await Poll.UntilAsync(() => dns.RecentOutput.Contains("CoreDNS serves home.arpa. serial 2 after", StringComparison.Ordinal),
            TimeSpan.FromSeconds(15), "the probe to see serial 2 served", () => dns.RecentOutput);
    }

    private static void AssertAnswer(string[] expected, (string Code, IReadOnlyList<string> Data) answer)
    {
        Assert.Equal("NoError", answer.Code);
        Assert.Equal(expected, answer.Data);
    }

    private static async Task SendAsync(KeaSidecarProcess kea, Ddns.Leases.NameChange change)
    {
        using var udp = new System.Net.Sockets.UdpClient(kea.Endpoint.AddressFamily);
        await udp.SendAsync(Fos1.Kea.Ncr.NameChangeRequestCodec.Encode(change), kea.Endpoint);
    }
}
