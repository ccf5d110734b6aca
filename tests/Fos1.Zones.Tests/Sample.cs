using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Updates;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;

namespace Fos1.Zones.Tests;

/// <summary>The zones, keys and requests the tests share.</summary>
internal static class Sample
{
    public static readonly DnsName Origin = DnsName.Parse("home.arpa");
    public static readonly DnsName ReverseOrigin = DnsName.Parse("2.0.192.in-addr.arpa");
    public static readonly DnsName Key = DnsName.Parse("kea-ddns");
    public static readonly DnsName Ns1 = DnsName.Parse("ns1.home.arpa");
    public static readonly DnsName Host = DnsName.Parse("host.home.arpa");

    public static readonly SoaData Soa = new(Ns1, DnsName.Parse("hostmaster.home.arpa"), 100, 3600, 900, 604800, 300);

    public static DnsName Name(string text) => DnsName.Parse(text);

    public static IPAddress Ip(string text) => IPAddress.Parse(text);

    public static ResourceRecord Rr(string owner, uint ttl, Rdata data) => new(Name(owner), ttl, data);

    /// <summary>home.arpa: SOA, NS ns1, ns1 A, plus <paramref name="extra"/>.</summary>
    public static Zone HomeZone(params ResourceRecord[] extra) =>
        Fos1.Zones.Zone.Create(Origin,
        [
            new ResourceRecord(Origin, 3600, Soa.ToRdata()),
            new ResourceRecord(Origin, 3600, Rdata.Ns(Ns1)),
            new ResourceRecord(Ns1, 3600, Rdata.A(Ip("192.0.2.1"))),
            .. extra,
        ]);

    public static Zone ReverseZone(params ResourceRecord[] extra) =>
        Fos1.Zones.Zone.Create(ReverseOrigin,
        [
            new ResourceRecord(ReverseOrigin, 3600, (Soa with { Serial = 7 }).ToRdata()),
            new ResourceRecord(ReverseOrigin, 3600, Rdata.Ns(Ns1)),
            .. extra,
        ]);

    /// <summary>The key may change the default types anywhere in both zones.</summary>
    public static readonly UpdatePolicy DefaultPolicy = new(
    [
        UpdateGrant.ForKey(Key, Origin, new AnyNameInZone()),
        UpdateGrant.ForKey(Key, ReverseOrigin, new AnyNameInZone()),
    ]);

    /// <summary>Grants everything, for tests of RFC semantics on types the default policy excludes.</summary>
    public static readonly UpdatePolicy Everything = new(
    [
        new UpdateGrant(Key, Origin, new AnyNameInZone(), Enumerable.Range(0, 65536).Select(t => (ushort)t).ToHashSet()),
    ]);

    public static UpdateRequest Request(IReadOnlyList<RawRecord> prerequisites, IReadOnlyList<RawRecord> updates, DnsName? zone = null) =>
        new([new ZoneSection(zone ?? Origin, DnsType.Soa, DnsClass.In)], prerequisites, updates);

    public static UpdateOutcome Apply(Zone zone, UpdateRequest request, UpdatePolicy? policy = null, DnsName? signer = null) =>
        UpdateProcessor.Apply(zone, request, policy ?? Everything, signer ?? Key);

    /// <summary>Asserts an error RCODE and that the very same zone version comes back with no journal entry.</summary>
    public static void AssertRejected(ResponseCode code, Zone before, UpdateOutcome outcome)
    {
        Assert.Equal(code, outcome.Code);
        Assert.Same(before, outcome.Zone);
        Assert.Null(outcome.Change);
    }

    // Raw RRs in RFC 2136 section 2.4 / 2.5 encoding.
    public static RawRecord Add(string name, uint ttl, Rdata data) => new(Name(name), data.Type, DnsClass.In, ttl, data.Wire.ToArray());

    public static RawRecord DeleteRRset(string name, ushort type) => new(Name(name), type, DnsClass.Any, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord DeleteName(string name) => new(Name(name), DnsType.Any, DnsClass.Any, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord DeleteRr(string name, Rdata data) => new(Name(name), data.Type, DnsClass.None, 0, data.Wire.ToArray());

    public static RawRecord NameInUse(string name) => new(Name(name), DnsType.Any, DnsClass.Any, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord NameNotInUse(string name) => new(Name(name), DnsType.Any, DnsClass.None, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord RRsetExists(string name, ushort type) => new(Name(name), type, DnsClass.Any, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord RRsetAbsent(string name, ushort type) => new(Name(name), type, DnsClass.None, 0, ReadOnlyMemory<byte>.Empty);

    public static RawRecord RRsetIs(string name, Rdata data) => new(Name(name), data.Type, DnsClass.In, 0, data.Wire.ToArray());

    public static string[] Lines(Zone zone) => [.. zone.Records.Select(r => r.ToString())];
}
