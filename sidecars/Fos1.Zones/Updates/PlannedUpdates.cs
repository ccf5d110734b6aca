using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>
/// The raw sections a planned UPDATE (what the kea sidecar sends, RFC 2136 section 2.4/2.5 encoding)
/// arrives as, so the same plans can be checked against this server without a wire in between.
/// </summary>
public static class PlannedUpdates
{
    public static UpdateRequest ToRequest(UpdateMessagePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new UpdateRequest(
            [new ZoneSection(plan.Zone, DnsType.Soa, DnsClass.In)],
            [.. plan.Prerequisites.Select(ToRaw)],
            [.. plan.Updates.Select(ToRaw)]);
    }

    public static Rdata ToRdata(RecordData data) => data switch
    {
        null => throw new ArgumentNullException(nameof(data)),
        AddressData a => Rdata.Address(a.Address),
        PtrData p => Rdata.Ptr(p.Target),
        DhcidData d => Rdata.Dhcid(d.Value),
        _ => throw new NotSupportedException($"record data {data.GetType().Name} has no RDATA conversion"),
    };

    public static RawRecord ToRaw(Prerequisite prerequisite) => prerequisite switch
    {
        NameIsInUse p => Empty(p.Name, DnsType.Any, DnsClass.Any),
        NameIsNotInUse p => Empty(p.Name, DnsType.Any, DnsClass.None),
        RRsetExists p => Empty(p.Name, (ushort)p.Type, DnsClass.Any),
        RRsetDoesNotExist p => Empty(p.Name, (ushort)p.Type, DnsClass.None),
        RRsetExistsWithValue p => WithData(p.Name, DnsClass.In, 0, ToRdata(p.Data)),
        null => throw new ArgumentNullException(nameof(prerequisite)),
        _ => throw new NotSupportedException($"prerequisite {prerequisite.GetType().Name} has no encoding"),
    };

    public static RawRecord ToRaw(UpdateOperation operation) => operation switch
    {
        AddRecord u => WithData(u.Name, DnsClass.In, u.Record.Ttl, ToRdata(u.Record.Data)),
        DeleteRRset u => Empty(u.Name, (ushort)u.Type, DnsClass.Any),
        DeleteAllAtName u => Empty(u.Name, DnsType.Any, DnsClass.Any),
        DeleteRecord u => WithData(u.Name, DnsClass.None, 0, ToRdata(u.Data)),
        null => throw new ArgumentNullException(nameof(operation)),
        _ => throw new NotSupportedException($"update {operation.GetType().Name} has no encoding"),
    };

    private static RawRecord Empty(Fos1.Ddns.DnsName name, ushort type, ushort @class) => new(name, type, @class, 0, ReadOnlyMemory<byte>.Empty);

    private static RawRecord WithData(Fos1.Ddns.DnsName name, ushort @class, uint ttl, Rdata data) =>
        new(name, data.Type, @class, ttl, data.Wire.ToArray());
}
