using System.Globalization;
using Fos1.Dns.Server.Transfer;
using Fos1.Dns.Tsig;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;
using Fos1.Zones.Store;

namespace Fos1.Sidecars.Dns.Configuration;

/// <summary>Turns the validated options into zone definitions, keys and the update policy.</summary>
public static class ServedZones
{
    public static IReadOnlyList<ZoneDefinition> Definitions(DnsSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Zones.Select(zone =>
        {
            var origin = DnsName.Parse(zone.Name);
            var text = zone.File is { Length: > 0 } file ? File.ReadAllText(file) : MinimalZone(origin);
            return ZoneDefinition.FromText(origin, text);
        }).ToList();
    }

    public static IReadOnlyList<TsigKey> Keys(DnsSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TsigKeys.Select(k => TsigKey.FromKea(k.Name, k.Algorithm,
            k.SecretFile is { Length: > 0 } path ? File.ReadAllText(path).Trim() : k.Secret ?? "")).ToList();
    }

    public static UpdatePolicy Policy(DnsSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var grants = options.Zones.SelectMany(zone => zone.Grants.Select(grant => new UpdateGrant(
            DnsName.Parse(grant.Key),
            DnsName.Parse(zone.Name),
            NamePattern.Parse(grant.Names),
            grant.Types.Count == 0 ? UpdateGrant.DefaultTypes : grant.Types.Select(ParseType).ToHashSet()))).ToList();
        return new UpdatePolicy(grants);
    }

    public static TransferPolicy Transfers(DnsSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TransferPolicy(options.Transfer.Keys.Select(DnsName.Parse).ToList(), options.Transfer.AllowUnsignedFromLoopback);
    }

    public static IReadOnlyDictionary<DnsName, IReadOnlyList<System.Net.IPEndPoint>> NotifyTargets(DnsSidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Zones.ToDictionary(
            zone => DnsName.Parse(zone.Name),
            zone => (IReadOnlyList<System.Net.IPEndPoint>)zone.Notify.Select(System.Net.IPEndPoint.Parse).ToList());
    }

    private static ushort ParseType(string type) =>
        DnsType.TryParse(type, out var value) ? value : throw new FormatException($"'{type}' is not a DNS record type");

    /// <summary>
    /// What a zone holds before any update when no file is given: SOA, NS and the NS's address (a
    /// zone file with the real name servers belongs in <c>File</c>; this keeps named-checkzone happy).
    /// </summary>
    private static string MinimalZone(DnsName origin) => string.Create(CultureInfo.InvariantCulture,
        $"$ORIGIN {origin}\n@ 3600 IN SOA ns.{origin} hostmaster.{origin} 1 3600 600 86400 300\n@ 3600 IN NS ns.{origin}\nns 3600 IN A 127.0.0.1\n");
}
