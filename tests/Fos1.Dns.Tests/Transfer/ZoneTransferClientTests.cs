using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fos1.Ddns.Records;
using Fos1.Dns.Transfer;
using Fos1.Testbed.Dns;
using DnsTsigKey = Fos1.Dns.Tsig.TsigKey;

namespace Fos1.Dns.Tests.Transfer;

/// <summary>AXFR from a real BIND 9.18 (Testbed), plain and TSIG-signed.</summary>
public sealed class ZoneTransferClientTests
{
    private const string Dhcid = "AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=";

    private static readonly BindZone Home = new("home.arpa", $"""
        printer 300 IN A 192.0.2.5
        printer 300 IN AAAA 2001:db8::5
        alice 600 IN A 192.0.2.10
        alice 600 IN DHCID {Dhcid}
        www 300 IN CNAME printer
        @ 300 IN MX 10 mail.example.net.
        _ipp._tcp 300 IN SRV 0 5 631 printer
        note 300 IN TXT "hello, world"
        """);

    private static readonly BindZone Reverse = new("2.0.192.in-addr.arpa", $"""
        10 600 IN PTR alice.home.arpa.
        10 600 IN DHCID {Dhcid}
        """);

    private static DnsTsigKey KeyOf(TsigKey key) => DnsTsigKey.FromKea(key.Name, key.Algorithm, key.Secret);

    [Fact]
    public async Task Records_of_one_owner_share_one_name_object()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home, Reverse] });

        var zone = await new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("2.0.192.in-addr.arpa"));

        var owner = zone.Records.Where(record => record.Name.Text == "10.2.0.192.in-addr.arpa").ToList();
        Assert.Equal([12, 49], owner.Select(record => (int)record.Type).Order());
        Assert.Same(owner[0].Name, owner[1].Name);
    }

    [Fact]
    public async Task Reads_every_record_and_types_the_ones_reconciliation_compares()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home, Reverse] });

        var zone = await new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("home.arpa"));
        var reverse = await new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("2.0.192.in-addr.arpa"));

        Assert.Equal(1u, zone.Serial);
        Assert.Equal(
            [
                "alice.home.arpa. 600 IN A 192.0.2.10",
                $"alice.home.arpa. 600 IN DHCID {Dhcid}",
                "ns.home.arpa. 300 IN A 127.0.0.1",
                "printer.home.arpa. 300 IN A 192.0.2.5",
                "printer.home.arpa. 300 IN AAAA 2001:db8::5",
            ],
            zone.AddressPointerAndDhcidRecords().Select(r => r.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["10.2.0.192.in-addr.arpa. 600 IN PTR alice.home.arpa.", $"10.2.0.192.in-addr.arpa. 600 IN DHCID {Dhcid}", "ns.2.0.192.in-addr.arpa. 300 IN A 127.0.0.1"],
            reverse.AddressPointerAndDhcidRecords().Select(r => r.ToString()));
        var byOwner = zone.ByOwner();
        Assert.Equal([2, 6, 15], byOwner[DnsName.Parse("home.arpa")].Select(r => (int)r.Type).Order());
        // Names inside RDATA are expanded, lower-case, uncompressed.
        Assert.Equal("07" + Hex("printer") + "04" + Hex("home") + "04" + Hex("arpa") + "00", Convert.ToHexString(byOwner[DnsName.Parse("www.home.arpa")].Single().RawData.Span));
        Assert.Equal("0000" + "0005" + "0277" + "07" + Hex("printer") + "04" + Hex("home") + "04" + Hex("arpa") + "00",
            Convert.ToHexString(byOwner[DnsName.Parse("_ipp._tcp.home.arpa")].Single().RawData.Span));
        Assert.Equal("0C" + Hex("hello, world"), Convert.ToHexString(byOwner[DnsName.Parse("note.home.arpa")].Single().RawData.Span));
    }

    [Fact]
    public async Task A_signed_transfer_of_many_messages_verifies_every_MAC()
    {
        var many = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            many.Append(System.Globalization.CultureInfo.InvariantCulture, $"host-{i} 300 IN AAAA 2001:db8::{i:x}\nhost-{i} 300 IN DHCID {Dhcid}\n");
        }

        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [new BindZone("big.home.arpa", many.ToString())] });

        var zone = await new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("big.home.arpa"), KeyOf(bind.Key));

        Assert.True(zone.Messages > 1, $"{zone.Messages} message(s)");
        Assert.Equal(12_001, zone.AddressPointerAndDhcidRecords().Count);
        // SOA, NS and the Testbed's ns A record besides the 12,000.
        Assert.Equal(12_003, zone.Records.Count);
    }

    [Fact]
    public async Task A_key_with_the_wrong_secret_is_refused_by_BIND_and_reported()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home] });
        var wrong = KeyOf(bind.Key with { Secret = TsigKey.GenerateSecret() });

        var error = await Assert.ThrowsAsync<ZoneTransferException>(
            () => new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("home.arpa"), wrong));

        Assert.Equal(ZoneTransferFailure.Refused, error.Failure);
        Assert.Equal($"AXFR of home.arpa. from {bind.Endpoint} was refused with NotAuth, TSIG error 16 (does the server allow transfers to us / this key?)", error.Message);
    }

    [Fact]
    public async Task A_zone_the_server_does_not_serve_is_refused()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home] });

        var error = await Assert.ThrowsAsync<ZoneTransferException>(
            () => new ZoneTransferClient().TransferAsync(bind.Endpoint, DnsName.Parse("other.example")));

        Assert.Equal(ZoneTransferFailure.Refused, error.Failure);
    }

    [Fact]
    public async Task More_records_than_the_limit_are_refused()
    {
        await using var bind = await BindServer.StartAsync(new BindServerOptions { Zones = [Home] });

        var error = await Assert.ThrowsAsync<ZoneTransferException>(
            () => new ZoneTransferClient(new ZoneTransferOptions { MaxRecords = 5 }).TransferAsync(bind.Endpoint, DnsName.Parse("home.arpa")));

        Assert.Equal(ZoneTransferFailure.TooLarge, error.Failure);
    }

    [Fact]
    public async Task An_answer_that_does_not_start_with_the_SOA_is_malformed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new byte[512];
            _ = await stream.ReadAsync(request);
            // Same id, QR set, no question, one A record for home.arpa.
            byte[] answer = [request[2], request[3], 0x84, 0x00, 0, 0, 0, 1, 0, 0, 0, 0, 4, .. "home"u8, 4, .. "arpa"u8, 0, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1];
            var framed = new byte[2 + answer.Length];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)answer.Length);
            answer.CopyTo(framed, 2);
            await stream.WriteAsync(framed);
        });

        var error = await Assert.ThrowsAsync<ZoneTransferException>(
            () => new ZoneTransferClient().TransferAsync((IPEndPoint)listener.LocalEndpoint, DnsName.Parse("home.arpa")));
        await serving;

        Assert.Equal((ZoneTransferFailure.Malformed, $"AXFR of home.arpa. from {listener.LocalEndpoint}: the answer does not start with the zone's SOA"), (error.Failure, error.Message));
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.ASCII.GetBytes(text));
}
