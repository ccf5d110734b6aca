using Fos1.Ddns.Updates;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>RFC 2136 section 3.4.1: check every update RR before any is applied.</summary>
internal static class UpdatePrescan
{
    public static Rejection? Check(Zone zone, IReadOnlyList<RawRecord> updates, List<UpdateStep> steps)
    {
        foreach (var rr in updates)
        {
            if (!zone.Contains(rr.Name))
            {
                return new(ResponseCode.NotZone, $"update name {rr.Name} is outside zone {zone.Origin}");
            }

            var step = Interpret(rr, out var error);
            if (step is null)
            {
                return new(ResponseCode.FormErr, $"update {rr}: {error}");
            }

            steps.Add(step);
        }

        return null;
    }

    private static UpdateStep? Interpret(RawRecord rr, out string? error)
    {
        switch (rr.Class)
        {
            case DnsClass.In:
                // Section 3.4.1.3 names ANY, AXFR, MAILA, MAILB; every meta type is as meaningless as data.
                if (DnsType.IsMeta(rr.Type))
                {
                    error = "a meta type cannot be added";
                    return null;
                }

                return Rdata.TryCreate(rr.Type, rr.Rdata.Span, out var added, out error)
                    ? new AddStep(rr.Name, rr.Ttl, added)
                    : null;

            case DnsClass.Any:
                if (rr.Ttl != 0 || rr.Rdata.Length != 0)
                {
                    error = "a delete of class ANY must have TTL 0 and no RDATA";
                    return null;
                }

                if (DnsType.IsMeta(rr.Type) && rr.Type != DnsType.Any)
                {
                    error = "only TYPE ANY of the meta types can be deleted";
                    return null;
                }

                error = null;
                return rr.Type == DnsType.Any ? new DeleteNameStep(rr.Name) : new DeleteRRsetStep(rr.Name, rr.Type);

            case DnsClass.None:
                if (rr.Ttl != 0)
                {
                    error = "a delete of class NONE must have TTL 0";
                    return null;
                }

                if (DnsType.IsMeta(rr.Type))
                {
                    error = "a single RR of a meta type cannot be deleted";
                    return null;
                }

                return Rdata.TryCreate(rr.Type, rr.Rdata.Span, out var deleted, out error)
                    ? new DeleteRecordStep(rr.Name, deleted)
                    : null;

            default:
                error = $"class {rr.Class} is not IN, ANY or NONE";
                return null;
        }
    }
}
