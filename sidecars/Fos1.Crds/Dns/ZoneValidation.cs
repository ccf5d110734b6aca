using System.Net;
using System.Net.Sockets;
using Fos1.Crds.Validation;
using Fos1.Ddns;
using static Fos1.Crds.Dns.ZoneSettingsValidation;

namespace Fos1.Crds.Dns;

/// <summary>Checks a DNSZone or PTRZone spec before the dns sidecar serves it.</summary>
public static class ZoneValidation
{
    public static IReadOnlyList<ValidationError> Validate(DnsZoneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        DnsName? zone = null;
        if (Syntax.Domain(spec.Domain) is { } domainError)
        {
            errors.Add(new("spec.domain", domainError));
        }
        else
        {
            zone = DnsName.Parse(spec.Domain);
        }

        Shared(errors, spec.Ttl, spec.Soa, spec.NameServers, spec.DynamicUpdates, spec.Publish);
        var typesByName = new Dictionary<DnsName, List<(string Type, int Index)>>();
        for (var i = 0; i < spec.Records.Count; i++)
        {
            var owner = Record(errors, $"spec.records[{i}]", spec.Records[i], zone);
            if (owner is not null)
            {
                if (!typesByName.TryGetValue(owner, out var types))
                {
                    typesByName[owner] = types = [];
                }

                types.Add((spec.Records[i].Type, i));
            }
        }

        CnameExclusivity(errors, typesByName, zone);
        return errors;
    }

    public static IReadOnlyList<ValidationError> Validate(PtrZoneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        IPNetwork? network = null;
        if (ReverseZone.TryFor(spec.Network, out _, out var networkError))
        {
            network = IPNetwork.Parse(spec.Network);
        }
        else
        {
            errors.Add(new("spec.network", networkError));
        }

        Shared(errors, spec.Ttl, spec.Soa, spec.NameServers, spec.DynamicUpdates, spec.Publish);
        if (string.IsNullOrEmpty(spec.Soa.PrimaryNameServer) && spec.NameServers.Count == 0)
        {
            errors.Add(new("spec.nameServers", "is required when spec.soa.primaryNameServer is not given (a reverse zone has no sensible default name server)"));
        }

        for (var i = 0; i < spec.Records.Count; i++)
        {
            var at = $"spec.records[{i}]";
            var record = spec.Records[i];
            if (!Syntax.TryAddress(record.Address, AddressFamily.InterNetwork, out var address, out _)
                && !Syntax.TryAddress(record.Address, AddressFamily.InterNetworkV6, out address, out _))
            {
                errors.Add(new(at + ".address", $"'{record.Address}' is not an IP address"));
            }
            else if (network is { } n && !n.Contains(address))
            {
                errors.Add(new(at + ".address", $"{record.Address} is outside network {n}"));
            }

            if (Syntax.AbsoluteName(record.Hostname) is { } hostError)
            {
                errors.Add(new(at + ".hostname", hostError));
            }

            Ttl(errors, at + ".ttl", record.Ttl);
        }

        return errors;
    }

    /// <summary>Checks one static record and returns its owner name when that is known and inside the zone.</summary>
    private static DnsName? Record(List<ValidationError> errors, string at, StaticRecord record, DnsName? zone)
    {
        var type = record.Type ?? "";
        var knownType = RecordValueSyntax.StaticTypes.Contains(type);
        if (!knownType)
        {
            errors.Add(new(at + ".type", $"'{record.Type}' is not one of {string.Join(' ', RecordValueSyntax.StaticTypes)}"));
        }
        else if (RecordValueSyntax.Check(type, record.Value ?? "") is { } valueError)
        {
            errors.Add(new(at + ".value", valueError));
        }

        Ttl(errors, at + ".ttl", record.Ttl);
        var owner = Owner(errors, at + ".name", record.Name ?? "", zone);
        return knownType ? owner : null;
    }

    private static DnsName? Owner(List<ValidationError> errors, string at, string name, DnsName? zone)
    {
        if (name.Length == 0)
        {
            errors.Add(new(at, "is required (\"@\" for the apex)"));
            return null;
        }

        if (name == "@")
        {
            return zone;
        }

        if (Syntax.Name(name) is { } error)
        {
            errors.Add(new(at, error));
            return null;
        }

        if (zone is null)
        {
            return null;
        }

        var owner = name.EndsWith('.') ? DnsName.Parse(name) : DnsName.Parse(name + "." + zone.Text);
        if (!owner.IsAtOrBelow(zone))
        {
            errors.Add(new(at, $"{owner.Text}. is outside the zone {zone.Text}."));
            return null;
        }

        return owner;
    }

    // RFC 1034 section 3.6.2: a CNAME owner has no other data, and the apex always has SOA and NS.
    private static void CnameExclusivity(List<ValidationError> errors, Dictionary<DnsName, List<(string Type, int Index)>> typesByName, DnsName? zone)
    {
        foreach (var (owner, types) in typesByName)
        {
            foreach (var (type, index) in types.Where(t => t.Type == "CNAME"))
            {
                if (owner.Equals(zone))
                {
                    errors.Add(new($"spec.records[{index}].type", "a CNAME cannot be at the zone apex"));
                }
                else if (types.Count > 1)
                {
                    errors.Add(new($"spec.records[{index}].type", $"a CNAME at {owner.Text}. cannot coexist with other records at that name"));
                }
            }
        }
    }
}
