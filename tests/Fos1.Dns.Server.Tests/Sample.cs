using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Zones;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;
using Fos1.Zones;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Server.Tests;

/// <summary>The zones, key and server set-up the tests share.</summary>
internal static class Sample
{
    public static readonly DnsName Origin = DnsName.Parse("home.arpa");
    public static readonly DnsName ReverseOrigin = DnsName.Parse("2.0.192.in-addr.arpa");
    public static readonly DnsName KeyName = DnsName.Parse("fos1-test-key");
    public static readonly DnsName Ns1 = DnsName.Parse("ns1.home.arpa");
    public static readonly SoaData Soa = new(Ns1, DnsName.Parse("hostmaster.home.arpa"), 100, 3600, 900, 604800, 300);

    public static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static TsigKey Key { get; } = TsigKey.FromKea(KeyName.Text, "HMAC-SHA256", Secret);

    public static Fos1.Testbed.Dns.TsigKey NsupdateKey { get; } = new(KeyName.Text, "hmac-sha256", Secret);

    public static Zone HomeZone() =>
        Zone.Create(Origin,
        [
            new ResourceRecord(Origin, 3600, Soa.ToRdata()),
            new ResourceRecord(Origin, 3600, Rdata.Ns(Ns1)),
            new ResourceRecord(Ns1, 3600, Rdata.A(IPAddress.Parse("192.0.2.1"))),
        ]);

    public static Zone ReverseZone() =>
        Zone.Create(ReverseOrigin,
        [
            new ResourceRecord(ReverseOrigin, 3600, (Soa with { Serial = 7 }).ToRdata()),
            new ResourceRecord(ReverseOrigin, 3600, Rdata.Ns(Ns1)),
        ]);

    public static UpdatePolicy Policy { get; } = new(
    [
        UpdateGrant.ForKey(KeyName, Origin, new AnyNameInZone()),
        UpdateGrant.ForKey(KeyName, ReverseOrigin, new AnyNameInZone()),
    ]);

    public static InMemoryZoneStore Store() => new([HomeZone(), ReverseZone()]);

    public static UpdateServerOptions Options(IPEndPoint endPoint, UpdatePolicy? policy = null) =>
        new(endPoint, [Key], policy ?? Policy);

    public static UpdateHandler Handler(IZoneStore store, UpdatePolicy? policy = null, TimeProvider? time = null) =>
        new(Options(new IPEndPoint(IPAddress.Loopback, 0), policy), store, NullLogger.Instance, new UpdateServerMetrics(), time);

    public static NameChange Change(string fqdn, string address, byte clientByte = 1) =>
        new(
            NameChangeKind.Add,
            Forward: true,
            Reverse: true,
            DnsName.Parse(fqdn),
            IPAddress.Parse(address),
            new Dhcid([0, 1, 1, clientByte, 2, 3, 4, 5, 6, 7, 8, 9]),
            Ttl: 300,
            UseConflictResolution: true,
            LeaseExpiresOn: null);

    /// <summary>An RFC 4703 forward add of <see cref="Change"/>, signed with <see cref="Key"/> at <paramref name="signedAt"/>, as it goes on the wire.</summary>
    public static byte[] SignedForwardAdd(string fqdn, string address, ushort id, DateTimeOffset signedAt, byte clientByte = 1) =>
        UpdateMessageEncoder.Encode(UpdatePlans.ForwardAdd(Origin, Change(fqdn, address, clientByte)), id, Key, signedAt).Message.ToArray();

    public static ResponseCode Rcode(ReadOnlySpan<byte> response) => (ResponseCode)(response[3] & 0x0F);
}
