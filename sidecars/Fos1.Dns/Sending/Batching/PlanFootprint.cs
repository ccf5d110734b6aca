using System.Net.Sockets;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Sending.Batching;

/// <summary>What a plan occupies in a merged UPDATE: the owner names it reads or writes, and its octets.</summary>
internal sealed class PlanFootprint
{
    /// <summary>Header, zone section (name counted per plan's zone separately), no TSIG.</summary>
    public const int HeaderOctets = 12 + 4;

    private const int FixedRrOctets = 10;

    private PlanFootprint(IReadOnlySet<DnsName> names, int octets)
    {
        Names = names;
        Octets = octets;
    }

    public IReadOnlySet<DnsName> Names { get; }

    /// <summary>Upper bound of the plan's prerequisite and update RRs on the wire (no name compression).</summary>
    public int Octets { get; }

    public static PlanFootprint Of(UpdateMessagePlan plan)
    {
        var names = new HashSet<DnsName>();
        var octets = 0;
        foreach (var prerequisite in plan.Prerequisites)
        {
            names.Add(prerequisite.Name);
            octets += WireNames.MaxLength(prerequisite.Name) + FixedRrOctets
                + (prerequisite is RRsetExistsWithValue value ? RdataOctets(value.Data) : 0);
        }

        foreach (var update in plan.Updates)
        {
            names.Add(update.Name);
            octets += WireNames.MaxLength(update.Name) + FixedRrOctets + update switch
            {
                AddRecord add => RdataOctets(add.Record.Data),
                DeleteRecord delete => RdataOctets(delete.Data),
                _ => 0,
            };
        }

        return new PlanFootprint(names, octets);
    }

    public bool Overlaps(HashSet<DnsName> taken) => taken.Overlaps(Names);

    private static int RdataOctets(RecordData data) => data switch
    {
        AddressData a => a.Address.AddressFamily == AddressFamily.InterNetworkV6 ? 16 : 4,
        PtrData p => WireNames.MaxLength(p.Target),
        DhcidData d => d.Value.Bytes.Length,
        _ => 0,
    };
}
