using System.Net;
using Fos1.Ddns.Records;

namespace Fos1.Ddns.Reconciliation;

/// <summary>What one owner name holds of the record types reconciliation compares.</summary>
internal sealed class OwnerRecords
{
    public List<IPAddress> Addresses { get; } = [];

    public List<DnsName> PtrTargets { get; } = [];

    public List<Dhcid> Dhcids { get; } = [];

    public bool IsEmpty => Addresses.Count == 0 && PtrTargets.Count == 0 && Dhcids.Count == 0;

    public static Dictionary<DnsName, OwnerRecords> Index(IEnumerable<DnsRecord> records)
    {
        var index = new Dictionary<DnsName, OwnerRecords>();
        foreach (var record in records)
        {
            if (!index.TryGetValue(record.Name, out var owner))
            {
                owner = new OwnerRecords();
                index.Add(record.Name, owner);
            }

            switch (record.Data)
            {
                case AddressData a:
                    owner.Addresses.Add(a.Address);
                    break;
                case PtrData p:
                    owner.PtrTargets.Add(p.Target);
                    break;
                case DhcidData d:
                    owner.Dhcids.Add(d.Value);
                    break;
            }
        }

        return index;
    }

    public string Describe() =>
        $"[{string.Join(", ", Addresses.Select(a => a.ToString()).Concat(PtrTargets.Select(p => "PTR " + p)).Concat(Dhcids.Select(d => "DHCID " + d)))}]";
}
