using Fos1.Ddns;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>RFC 2136 section 3.2: the prerequisite section, in the order of the section 3.2.5 pseudocode.</summary>
internal static class PrerequisiteSection
{
    public static Rejection? Check(Zone zone, IReadOnlyList<RawRecord> prerequisites)
    {
        // Section 3.2.3: value-dependent prerequisites are gathered into RRsets and compared as sets
        // after every other prerequisite has passed.
        var expected = new Dictionary<(DnsName Name, ushort Type), HashSet<Rdata>>();
        foreach (var rr in prerequisites)
        {
            if (rr.Ttl != 0)
            {
                return new(ResponseCode.FormErr, $"prerequisite {rr} has a TTL other than 0");
            }

            if (!zone.Contains(rr.Name))
            {
                return new(ResponseCode.NotZone, $"prerequisite name {rr.Name} is outside zone {zone.Origin}");
            }

            if (DnsType.IsMeta(rr.Type) && !(rr.Type == DnsType.Any && rr.Class is DnsClass.Any or DnsClass.None))
            {
                return new(ResponseCode.FormErr, $"prerequisite {rr} names a meta type");
            }

            switch (rr.Class)
            {
                case DnsClass.Any or DnsClass.None when rr.Rdata.Length != 0:
                    return new(ResponseCode.FormErr, $"prerequisite {rr} of class ANY or NONE carries RDATA");

                case DnsClass.Any when rr.Type == DnsType.Any:
                    if (!zone.HasName(rr.Name))
                    {
                        return new(ResponseCode.NxDomain, $"name {rr.Name} is not in use");
                    }

                    break;

                case DnsClass.Any:
                    if (zone.Find(rr.Name, rr.Type) is null)
                    {
                        return new(ResponseCode.NxRrset, $"no {DnsType.Mnemonic(rr.Type)} RRset at {rr.Name}");
                    }

                    break;

                case DnsClass.None when rr.Type == DnsType.Any:
                    if (zone.HasName(rr.Name))
                    {
                        return new(ResponseCode.YxDomain, $"name {rr.Name} is in use");
                    }

                    break;

                case DnsClass.None:
                    if (zone.Find(rr.Name, rr.Type) is not null)
                    {
                        return new(ResponseCode.YxRrset, $"a {DnsType.Mnemonic(rr.Type)} RRset exists at {rr.Name}");
                    }

                    break;

                case DnsClass.In:
                    if (!Rdata.TryCreate(rr.Type, rr.Rdata.Span, out var data, out var error))
                    {
                        return new(ResponseCode.FormErr, $"prerequisite at {rr.Name}: {error}");
                    }

                    var key = (rr.Name, rr.Type);
                    if (!expected.TryGetValue(key, out var set))
                    {
                        expected[key] = set = [];
                    }

                    set.Add(data);
                    break;

                default:
                    return new(ResponseCode.FormErr, $"prerequisite {rr} has class {rr.Class}, not IN, ANY or NONE");
            }
        }

        foreach (var ((name, type), set) in expected)
        {
            var actual = zone.Find(name, type);
            if (actual is null || !set.SetEquals(actual.Data))
            {
                return new(ResponseCode.NxRrset, $"the {DnsType.Mnemonic(type)} RRset at {name} is not the one the prerequisites name");
            }
        }

        return null;
    }
}
