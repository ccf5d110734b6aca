using Fos1.Ddns;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;

namespace Fos1.Zones.Policy;

/// <summary>
/// RFC 2136 section 3.3 with BIND's update-policy meaning: every update RR must be permitted, judged
/// against the zone as it was before the message, or the message is REFUSED as a whole.
/// </summary>
internal static class PolicyCheck
{
    public static Rejection? Check(Zone zone, IEnumerable<UpdateStep> steps, UpdatePolicy policy, DnsName? signer)
    {
        var who = signer is null ? "an unsigned request" : $"key {signer}";
        foreach (var step in steps)
        {
            if (step is DeleteNameStep)
            {
                // Deleting every RRset at a name is allowed only to a signer who could delete each of
                // them one by one (BIND's ssu_checkall); the protected apex SOA and NS do not count.
                if (!policy.CoversName(signer, zone.Origin, step.Name))
                {
                    return Refuse(who, step.Name, "any type");
                }

                var forbidden = zone.At(step.Name)
                    .Where(set => !(step.Name == zone.Origin && set.Type is DnsType.Soa or DnsType.Ns))
                    .FirstOrDefault(set => !policy.Permits(signer, zone.Origin, step.Name, set.Type));
                if (forbidden is not null)
                {
                    return Refuse(who, step.Name, DnsType.Mnemonic(forbidden.Type));
                }
            }
            else if (!policy.Permits(signer, zone.Origin, step.Name, step.Type))
            {
                return Refuse(who, step.Name, DnsType.Mnemonic(step.Type));
            }
        }

        return null;
    }

    private static Rejection Refuse(string who, DnsName name, string type) =>
        new(ResponseCode.Refused, $"{who} may not change {type} records at {name}");
}
