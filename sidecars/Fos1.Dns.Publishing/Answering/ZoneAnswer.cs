using Fos1.Ddns.Updates;
using Fos1.Zones;
using Fos1.Zones.Records;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// The sections of an authoritative answer from one zone version (RFC 1034 section 4.3.2 steps 3a-3c,
/// without referrals). The zones are wildcard-free by design (every name a client owns is written
/// explicitly by an UPDATE), so a "*" label is an ordinary label here and step 3c never synthesises.
/// </summary>
internal sealed record ZoneAnswer(ResponseCode Code, IReadOnlyList<ResourceRecord> Answer, IReadOnlyList<ResourceRecord> Authority)
{
    // A chain longer than this inside one zone is a configuration loop, not data worth following.
    private const int MaxCnameHops = 16;

    public static ZoneAnswer For(Zone zone, DnsQuestion question)
    {
        var answer = new List<ResourceRecord>();
        var visited = new HashSet<DnsName>();
        var name = question.Name;
        while (true)
        {
            if (question.Type == DnsType.Any)
            {
                var all = zone.At(name);
                if (all.Count > 0)
                {
                    answer.AddRange(all.SelectMany(Spelled(name)));
                    return new ZoneAnswer(ResponseCode.NoError, answer, []);
                }
            }
            else if (zone.Find(name, question.Type) is { } exact)
            {
                answer.AddRange(Spelled(name)(exact));
                return new ZoneAnswer(ResponseCode.NoError, answer, []);
            }
            else if (zone.Find(name, DnsType.Cname) is { } alias)
            {
                answer.AddRange(Spelled(name)(alias));
                visited.Add(name);
                var target = alias.Data[0].ToTargetName();
                // The rest of the chain belongs to whoever serves the target (RFC 1034 section 4.3.2 step 3a).
                if (!zone.Contains(target) || visited.Contains(target) || visited.Count > MaxCnameHops)
                {
                    return new ZoneAnswer(ResponseCode.NoError, answer, []);
                }

                name = target;
                continue;
            }

            // RFC 6604: after a CNAME the RCODE describes the last name of the chain.
            var code = ZoneNameIndex.Exists(zone, name) ? ResponseCode.NoError : ResponseCode.NxDomain;
            return new ZoneAnswer(code, answer, [NegativeSoa(zone)]);
        }
    }

    /// <summary>RFC 2308 section 3: the SOA of a negative answer lives min(SOA TTL, SOA MINIMUM).</summary>
    private static ResourceRecord NegativeSoa(Zone zone) =>
        zone.SoaRecord with { Ttl = Math.Min(zone.SoaRecord.Ttl, zone.Soa.Minimum) };

    // The owner is written as the client (or the CNAME) spelled it, as BIND does.
    private static Func<RRset, IEnumerable<ResourceRecord>> Spelled(DnsName owner) =>
        set => set.Data.Select(data => new ResourceRecord(owner, set.Ttl, data));
}
