using System.Net;
using Coredns.Dns;
using Fos1.Ddns.Updates;
using Fos1.Dns.Publishing.Answering;
using Fos1.Dns.Publishing.Grpc;
using Fos1.Dns.Publishing.Probing;
using Fos1.Zones;
using Fos1.Zones.Records;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Publishing.Tests.Grpc;

public sealed class GrpcDnsEndpointTests
{
    private static Task<GrpcDnsEndpoint> StartAsync(IZoneSnapshots snapshots) =>
        GrpcDnsEndpoint.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), snapshots, NullLoggerFactory.Instance);

    private static Uri Address(GrpcDnsEndpoint endpoint) => new($"http://127.0.0.1:{endpoint.Endpoint.Port}");

    [Fact]
    public async Task DnsService_Query_over_h2c_answers_from_the_snapshot_with_the_exact_records()
    {
        await using var endpoint = await StartAsync(new SwappableSnapshots(TestZones.Home, TestZones.Reverse));
        using var channel = GrpcChannel.ForAddress(Address(endpoint));
        var client = new DnsService.DnsServiceClient(channel);

        var forward = await client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(Queries.For("host.home.arpa", DnsType.A, id: 0x0A0B)) });
        var reverse = await client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(Queries.For("10.2.0.192.in-addr.arpa", DnsType.Ptr)) });
        var missing = await client.QueryAsync(new DnsPacket { Msg = ByteString.CopyFrom(Queries.For("nope.home.arpa", DnsType.A)) });

        var answer = DnsResponse.Parse(forward.Msg.Span);
        Assert.Equal((0x0A0B, ResponseCode.NoError, true), (answer.Id, answer.Code, answer.Authoritative));
        Assert.Equal(
            [
                new ResourceRecord(DnsName.Parse("host.home.arpa"), 300, Rdata.A(IPAddress.Parse("192.0.2.10"))),
                new ResourceRecord(DnsName.Parse("host.home.arpa"), 300, Rdata.A(IPAddress.Parse("192.0.2.11"))),
            ],
            answer.Answer);
        Assert.Equal(
            [new ResourceRecord(DnsName.Parse("10.2.0.192.in-addr.arpa"), 300, Rdata.Ptr(DnsName.Parse("host.home.arpa")))],
            DnsResponse.Parse(reverse.Msg.Span).Answer);
        Assert.Equal(ResponseCode.NxDomain, DnsResponse.Parse(missing.Msg.Span).Code);
    }

    [Fact]
    public async Task The_endpoint_serves_a_new_zone_version_as_soon_as_it_is_published()
    {
        var snapshots = new SwappableSnapshots(TestZones.Home);
        await using var endpoint = await StartAsync(snapshots);
        using var channel = GrpcChannel.ForAddress(Address(endpoint));
        var client = new DnsService.DnsServiceClient(channel);
        var query = new DnsPacket { Msg = ByteString.CopyFrom(Queries.For("new.home.arpa", DnsType.A)) };
        Assert.Equal(ResponseCode.NxDomain, DnsResponse.Parse((await client.QueryAsync(query)).Msg.Span).Code);

        snapshots.Publish(Zone.Create(TestZones.Home.Origin, [.. TestZones.Home.Records,
            new ResourceRecord(DnsName.Parse("new.home.arpa"), 600, Rdata.A(IPAddress.Parse("192.0.2.99")))]));

        Assert.Equal(
            [new ResourceRecord(DnsName.Parse("new.home.arpa"), 600, Rdata.A(IPAddress.Parse("192.0.2.99")))],
            DnsResponse.Parse((await client.QueryAsync(query)).Msg.Span).Answer);
    }

    [Fact]
    public async Task The_probe_reads_the_SOA_serial_against_our_own_DnsService_because_CoreDNS_cannot_be_installed_here()
    {
        var snapshots = new SwappableSnapshots(TestZones.Home, TestZones.Reverse);
        await using var endpoint = await StartAsync(snapshots);
        using var probe = new CoreDnsGrpcProbe(Address(endpoint));

        Assert.Equal(7u, await probe.SoaSerialAsync(DnsName.Parse("home.arpa")));
        Assert.Equal(3u, await probe.SoaSerialAsync(DnsName.Parse("2.0.192.in-addr.arpa")));

        var soa = TestZones.Home.Soa with { Serial = 8 };
        snapshots.Publish(Zone.Create(TestZones.Home.Origin, [.. TestZones.Home.Records.Where(r => r.Type != DnsType.Soa),
            TestZones.Home.SoaRecord with { Data = soa.ToRdata() }]));
        Assert.Equal(8u, await probe.SoaSerialAsync(DnsName.Parse("home.arpa")));
    }

    [Fact]
    public async Task The_probe_fails_with_the_RCODE_when_the_server_does_not_serve_the_zone_against_our_own_DnsService_because_CoreDNS_cannot_be_installed_here()
    {
        await using var endpoint = await StartAsync(new SwappableSnapshots(TestZones.Home));
        using var probe = new CoreDnsGrpcProbe(Address(endpoint));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => probe.SoaSerialAsync(DnsName.Parse("example.org")));
        Assert.Contains("Refused", failure.Message, StringComparison.Ordinal);
    }
}
