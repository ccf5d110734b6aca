using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;

namespace Fos1.Bench.Dns.Workload;

/// <summary>
/// The UPDATEs of one run, as the kea sidecar would send them for fresh leases: RFC 4703 ForwardAdd
/// (name not in use; add A + DHCID) for <c>h{i}.r{run}.home.arpa</c> -> 10.run.hi.lo, one client (DHCID) each.
/// Every run has its own label, so no name is ever claimed twice and every UPDATE should get NOERROR.
/// </summary>
public sealed class ForwardAdds
{
    public static readonly DnsName Zone = DnsName.Parse("home.arpa");
    public const string ReverseZone = "10.in-addr.arpa";
    private const uint LeaseLengthTtl = 600;

    private ForwardAdds(string label, IReadOnlyList<UpdateMessagePlan> plans, IReadOnlyList<DnsName> names)
    {
        Label = label;
        Plans = plans;
        Names = names;
    }

    /// <summary>The run's label under the zone, e.g. <c>r3</c>.</summary>
    public string Label { get; }

    public IReadOnlyList<UpdateMessagePlan> Plans { get; }

    public IReadOnlyList<DnsName> Names { get; }

    public static ForwardAdds For(int run, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(run, 255);
        var label = $"r{run}";
        var plans = new UpdateMessagePlan[count];
        var names = new DnsName[count];
        for (var i = 0; i < count; i++)
        {
            var fqdn = DnsName.Parse($"h{i}.{label}.{Zone}");
            byte[] mac = [0x02, 0, (byte)run, 0, (byte)(i >> 8), (byte)i];
            var dhcid = ClientIdentity.FromHardwareAddress(1, mac).ComputeDhcid(fqdn);
            var address = new IPAddress(new byte[] { 10, (byte)run, (byte)(i >> 8), (byte)i });
            var change = new NameChange(NameChangeKind.Add, Forward: true, Reverse: false, fqdn, address, dhcid, LeaseLengthTtl,
                UseConflictResolution: true, LeaseExpiresOn: null);
            plans[i] = UpdatePlans.ForwardAdd(Zone, change);
            names[i] = fqdn;
        }

        return new ForwardAdds(label, plans, names);
    }
}
