using Fos1.Ddns.Records;

namespace Fos1.Dns.Transfer;

/// <summary>A zone as one AXFR delivered it: its serial and every record (the SOA once, first).</summary>
/// <param name="Messages">How many DNS messages the answer took.</param>
public sealed record TransferredZone(DnsName Zone, uint Serial, IReadOnlyList<TransferredRecord> Records, int Messages)
{
    /// <summary>The A, AAAA, PTR and DHCID records, as the reconciliation planner takes them.</summary>
    public IReadOnlyList<DnsRecord> AddressPointerAndDhcidRecords() =>
        [.. Records.Where(record => record.Data is not null && record.Class == 1).Select(record => new DnsRecord(record.Name, record.Ttl, record.Data!))];

    /// <summary>The records per owner name, in transfer order.</summary>
    public ILookup<DnsName, TransferredRecord> ByOwner() => Records.ToLookup(record => record.Name);
}
