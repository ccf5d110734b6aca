using Fos1.Ddns;
using Fos1.Ddns.Updates;
using Fos1.Zones.Journal;
using Fos1.Zones.Policy;
using Fos1.Zones.Records;

namespace Fos1.Zones.Updates;

/// <summary>
/// RFC 2136 section 3 on one zone version: zone section, signer admission, prerequisites, prescan,
/// per-RR policy, then the update itself. All or nothing: any failure returns the zone it was given.
/// </summary>
public static class UpdateProcessor
{
    /// <param name="signer">The TSIG key the wire layer verified, or null for an unsigned request.</param>
    public static UpdateOutcome Apply(Zone zone, UpdateRequest request, UpdatePolicy policy, DnsName? signer)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);

        var rejection = CheckZoneSection(zone, request)
            ?? Admit(zone, policy, signer)
            ?? PrerequisiteSection.Check(zone, request.Prerequisites);
        var steps = new List<UpdateStep>();
        rejection ??= UpdatePrescan.Check(zone, request.Updates, steps)
            ?? PolicyCheck.Check(zone, steps, policy, signer);
        if (rejection is not null)
        {
            return new UpdateOutcome(rejection.Code, zone, null, rejection.Reason);
        }

        var touched = new List<(DnsName Owner, ushort Type)>();
        var updated = UpdateSemantics.Apply(zone, steps, touched);
        if (touched.All(key => Equals(zone.Find(key.Owner, key.Type), updated.Find(key.Owner, key.Type))))
        {
            return new UpdateOutcome(ResponseCode.NoError, zone, null, "the update changed nothing");
        }

        // Section 3.6: a change the client did not number itself gets the next serial.
        if (updated.Serial == zone.Serial)
        {
            var soa = updated.SoaRecord;
            var next = soa.Data.ToSoa() with { Serial = SerialNumber.Increment(zone.Serial) };
            updated = updated.With(zone.Origin, DnsType.Soa, RRset.Create(soa.Owner, soa.Ttl, [next.ToRdata()]));
        }

        touched.Add((zone.Origin, DnsType.Soa));
        var change = UpdateJournalEntry.Between(zone, updated, touched);
        return new UpdateOutcome(ResponseCode.NoError, updated, change, $"serial {zone.Serial} -> {updated.Serial}");
    }

    /// <summary>Section 3.1.1: one zone entry, of type SOA, naming this zone in class IN.</summary>
    private static Rejection? CheckZoneSection(Zone zone, UpdateRequest request)
    {
        if (request.Zone.Count != 1)
        {
            return new(ResponseCode.FormErr, $"the zone section has {request.Zone.Count} entries, not 1");
        }

        var section = request.Zone[0];
        if (section.Type != DnsType.Soa)
        {
            return new(ResponseCode.FormErr, $"the zone section has type {DnsType.Mnemonic(section.Type)}, not SOA");
        }

        return section.Name == zone.Origin && section.Class == DnsClass.In
            ? null
            : new(ResponseCode.NotAuth, $"not authoritative for {section.Name} class {section.Class}");
    }

    /// <summary>
    /// Refuses signers without any grant for the zone before the prerequisites are evaluated, so an
    /// unsigned client cannot probe the zone's contents through YXDOMAIN/NXDOMAIN answers. (BIND
    /// evaluates prerequisites first, as the RFC's section order suggests; the outcome for a permitted
    /// signer is the same.)
    /// </summary>
    private static Rejection? Admit(Zone zone, UpdatePolicy policy, DnsName? signer) =>
        policy.MayUpdate(signer, zone.Origin)
            ? null
            : new(ResponseCode.Refused, signer is null
                ? $"unsigned updates to {zone.Origin} are not allowed"
                : $"key {signer} has no grant for {zone.Origin}");
}
