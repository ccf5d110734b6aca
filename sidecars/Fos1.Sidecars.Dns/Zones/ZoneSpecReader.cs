using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Fos1.Corefile;
using Fos1.Crds.Dns;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Fos1.Zones.StaticRecords;
using Fos1.Zones.Text;
using CorefileMode = Fos1.Corefile.Model.PublishMode;

namespace Fos1.Sidecars.Dns.Zones;

/// <summary>
/// One DNSZone or PTRZone spec to a <see cref="DesiredZone"/>, or a <see cref="FormatException"/> whose message
/// says what is wrong (it becomes the Invalid condition's message). Pure.
/// </summary>
internal static class ZoneSpecReader
{
    public static DesiredZone Read(DnsZoneSpec spec, ZoneCrOutcome source)
    {
        var origin = Name(spec.Domain, "spec.domain");
        if (origin == DnsName.Root)
        {
            throw new FormatException("spec.domain must not be the root");
        }

        var ttl = Seconds(spec.Ttl, "spec.ttl");
        var records = spec.Records.Select((r, i) => StaticRecord(r, i, origin, ttl)).ToList();
        return Build(origin, source, ttl, spec.Soa, spec.NameServers, records, spec.DynamicUpdates, ZoneDefaults.UpdatableRecordTypes(spec), spec.Publish);
    }

    public static DesiredZone Read(PtrZoneSpec spec, ZoneCrOutcome source)
    {
        DnsName origin;
        try
        {
            origin = DnsName.Parse(ReverseZoneName.For(spec.Network));
        }
        catch (FormatException e)
        {
            throw new FormatException($"spec.network: {e.Message}", e);
        }

        if (spec.NameServers.Count == 0 && string.IsNullOrEmpty(spec.Soa.PrimaryNameServer))
        {
            throw new FormatException("spec.nameServers is required when spec.soa.primaryNameServer is not given");
        }

        var ttl = Seconds(spec.Ttl, "spec.ttl");
        var records = spec.Records.Select((r, i) => Ptr(r, i, origin, ttl, spec.Network)).ToList();
        return Build(origin, source, ttl, spec.Soa, spec.NameServers, records, spec.DynamicUpdates, ZoneDefaults.UpdatableRecordTypes(spec), spec.Publish);
    }

    private static DesiredZone Build(DnsName origin, ZoneCrOutcome source, uint ttl, SoaSettings soa, IReadOnlyList<string> nameServers,
        List<ResourceRecord> records, DynamicUpdates dynamic, IReadOnlyList<string> types, PublishSettings publish)
    {
        var soaData = new SoaData(
            Name(ZoneDefaults.PrimaryNameServer(soa, origin), "spec.soa.primaryNameServer"),
            Name(ZoneDefaults.Mailbox(soa, origin), "spec.soa.mailbox"),
            0,
            Seconds(soa.Refresh, "spec.soa.refresh"),
            Seconds(soa.Retry, "spec.soa.retry"),
            Seconds(soa.Expire, "spec.soa.expire"),
            Seconds(soa.Minimum, "spec.soa.minimum"));
        var ns = ZoneDefaults.NameServers(nameServers, soa, origin)
            .Select((n, i) => new ResourceRecord(origin, ttl, Rdata.Ns(Name(n, $"spec.nameServers[{i}]"))));
        var set = new StaticRecordSet(origin, soaData, ttl, [.. ns, .. records]);
        try
        {
            _ = set.ToZone(1);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"spec.records: {e.Message}", e);
        }

        if (dynamic.Enabled && dynamic.Keys.Count == 0)
        {
            throw new FormatException("spec.dynamicUpdates.keys must name at least one TSIG key when updates are enabled");
        }

        var typeCodes = types.Select((t, i) => DnsType.TryParse(t, out var code) && !DnsType.IsMeta(code)
            ? code : throw new FormatException($"spec.dynamicUpdates.recordTypes[{i}]: '{t}' is not a record type")).ToHashSet();
        var grants = dynamic.Enabled
            ? dynamic.Keys.Select((k, i) => new UpdateGrant(Name(k, $"spec.dynamicUpdates.keys[{i}]"), origin, new AnyNameInZone(), typeCodes)).ToList()
            : [];
        var notify = publish.Notify.Select((n, i) => IPEndPoint.TryParse(n, out var ep) && ep.Port != 0
            ? ep : throw new FormatException($"spec.publish.notify[{i}]: '{n}' is not address:port")).ToList();
        var cache = publish.CacheSeconds >= 0 ? publish.CacheSeconds : throw new FormatException("spec.publish.cacheSeconds must not be negative");
        var mode = publish.Mode switch
        {
            PublishMode.Secondary => CorefileMode.Secondary,
            PublishMode.File => CorefileMode.File,
            _ => CorefileMode.Grpc,
        };
        return new DesiredZone(origin, source with { Zone = origin }, set, grants, notify, mode, cache);
    }

    private static ResourceRecord StaticRecord(StaticRecord record, int index, DnsName origin, uint ttl)
    {
        var field = $"spec.records[{index}]";
        var owner = record.Name switch
        {
            "@" or "" => origin,
            var n when n.EndsWith('.') => Name(n, field + ".name"),
            var n => Name(n + "." + origin.Text, field + ".name"),
        };
        if (!owner.IsAtOrBelow(origin))
        {
            throw new FormatException($"{field}.name: {owner} is outside zone {origin}");
        }

        try
        {
            return RecordText.Parse(owner, record.Ttl is { } t ? Seconds(t, field + ".ttl") : ttl, record.Type, record.Value, origin);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{field}: {e.Message}", e);
        }
    }

    private static ResourceRecord Ptr(PtrRecord record, int index, DnsName origin, uint ttl, string network)
    {
        var field = $"spec.records[{index}]";
        if (!IPAddress.TryParse(record.Address, out var address))
        {
            throw new FormatException($"{field}.address: '{record.Address}' is not an IP address");
        }

        var owner = ReverseName(address);
        if (!owner.IsAtOrBelow(origin) || owner == origin)
        {
            throw new FormatException($"{field}.address: {address} is outside {network}");
        }

        var hostname = Name(record.Hostname, field + ".hostname");
        return new ResourceRecord(owner, record.Ttl is { } t ? Seconds(t, field + ".ttl") : ttl, Rdata.Ptr(hostname));
    }

    private static DnsName ReverseName(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var labels = address.AddressFamily == AddressFamily.InterNetwork
            ? bytes.Reverse().Select(b => b.ToString(CultureInfo.InvariantCulture)).Append("in-addr.arpa")
            : bytes.Reverse().SelectMany(b => new[] { (b & 0xF).ToString("x", CultureInfo.InvariantCulture), (b >> 4).ToString("x", CultureInfo.InvariantCulture) })
                .Append("ip6.arpa");
        return DnsName.Parse(string.Join('.', labels));
    }

    private static DnsName Name(string text, string field) =>
        DnsName.TryParse(text, out var name, out var error) ? name : throw new FormatException($"{field}: '{text}' is not a DNS name ({error})");

    private static uint Seconds(int value, string field) =>
        value >= 0 ? (uint)value : throw new FormatException($"{field} must not be negative");
}
