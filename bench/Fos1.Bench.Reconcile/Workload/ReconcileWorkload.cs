using System.Buffers.Binary;
using System.Net;
using System.Text;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Ddns.Records;
using Fos1.Testbed.Kea;

namespace Fos1.Bench.Reconcile.Workload;

/// <summary>
/// The leases Kea loads and the zones BIND starts with, computed with the repository's own planner and DHCID code so
/// the in-sync names are exactly what the kea sidecar would have written. Lease i holds 10.64.0.0 + 1 + i (subnet
/// 10.64.0.0/10), hardware address 02:00:i, client-id 01 + that address (so the DHCID is of type 0001) and the name
/// hI.home.arpa. Drift, on leases picked by a seeded shuffle: <see cref="ReconcileOptions.Missing"/> leases have no
/// records; <see cref="ReconcileOptions.Wrong"/> leased names hold A 10.200.x.y instead of their address (their DHCID
/// and PTR are right); <see cref="ReconcileOptions.Stale"/> names sJ.home.arpa (A + DHCID, PTR + DHCID at 10.128.x.y)
/// belong to no lease.
/// </summary>
public sealed class ReconcileWorkload
{
    public const string ForwardZone = "home.arpa";
    public const string ReverseZone = "10.in-addr.arpa";
    public const uint SubnetId = 1;
    public const uint ValidLifetime = 86_400;

    private ReconcileWorkload(IReadOnlyList<MemfileLease4Row> leases, string forward, string reverse, HashSet<string> desired)
    {
        Leases = leases;
        ForwardZoneRecords = forward;
        ReverseZoneRecords = reverse;
        Desired = desired;
    }

    public IReadOnlyList<MemfileLease4Row> Leases { get; }

    /// <summary>Master-file text of the owned names BIND starts with (absolute names).</summary>
    public string ForwardZoneRecords { get; }

    public string ReverseZoneRecords { get; }

    /// <summary>The A, PTR and DHCID records (<see cref="DnsRecord.ToString"/>) both zones must hold once reconciled.</summary>
    public IReadOnlySet<string> Desired { get; }

    /// <summary>Owned names (forward) in the zones before reconciliation.</summary>
    public int OwnedNames { get; private init; }

    public static ReconcileWorkload Build(ReconcileOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var planner = new LeaseNameChangePlanner(new HostNamer(new HostNamingOptions { QualifyingSuffix = DnsName.Parse(ForwardZone), GeneratedPrefix = null }));
        var picked = Enumerable.Range(0, options.Leases).ToArray();
        new Random(9).Shuffle(picked);
        var missing = picked.Take(options.Missing).ToHashSet();
        var wrong = picked.Skip(options.Missing).Take(options.Wrong).ToHashSet();
        var leases = new List<MemfileLease4Row>(options.Leases);
        var forward = new StringBuilder(options.Leases * 110);
        var reverse = new StringBuilder(options.Leases * 130);
        var desired = new HashSet<string>(options.Leases * 4, StringComparer.Ordinal);
        var owned = 0;
        for (var i = 0; i < options.Leases; i++)
        {
            var address = Address(10u << 24 | 64u << 16, (uint)i + 1);
            byte[] mac = [0x02, 0x00, (byte)(i >> 24), (byte)(i >> 16), (byte)(i >> 8), (byte)i];
            byte[] clientId = [0x01, .. mac];
            // Spread over the day so expiries differ, every one still hours away.
            var row = new MemfileLease4Row(address, mac, clientId, ValidLifetime, now.AddSeconds(ValidLifetime - (i % 3600)), SubnetId, $"h{i}.{ForwardZone}");
            leases.Add(row);
            var change = Plan(planner, row, now);
            var records = Records(change);
            foreach (var record in records)
            {
                desired.Add(record.ToString());
            }

            if (missing.Contains(i))
            {
                continue;
            }

            owned++;
            Append(forward, records[0] with { Data = new AddressData(wrong.Contains(i) ? Address(10u << 24 | 200u << 16, (uint)i) : address) });
            Append(forward, records[1]);
            Append(reverse, records[2]);
            Append(reverse, records[3]);
        }

        for (var j = 0; j < options.Stale; j++)
        {
            var address = Address(10u << 24 | 128u << 16, (uint)j);
            byte[] mac = [0x02, 0xee, 0, 0, (byte)(j >> 8), (byte)j];
            var row = new MemfileLease4Row(address, mac, [0x01, .. mac], ValidLifetime, now.AddSeconds(ValidLifetime), SubnetId, $"s{j}.{ForwardZone}");
            var records = Records(Plan(planner, row, now));
            Append(forward, records[0]);
            Append(forward, records[1]);
            Append(reverse, records[2]);
            Append(reverse, records[3]);
            owned++;
        }

        return new ReconcileWorkload(leases, forward.ToString(), reverse.ToString(), desired) { OwnedNames = owned };
    }

    /// <returns>A and DHCID at the name, PTR and DHCID at the reverse name, as the sidecar's add writes them.</returns>
    public static DnsRecord[] Records(NameChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var reverse = ReverseName.For(change.Address);
        return
        [
            new DnsRecord(change.Fqdn, change.Ttl, new AddressData(change.Address)),
            new DnsRecord(change.Fqdn, change.Ttl, new DhcidData(change.Dhcid)),
            new DnsRecord(reverse, change.Ttl, new PtrData(change.Fqdn)),
            new DnsRecord(reverse, change.Ttl, new DhcidData(change.Dhcid)),
        ];
    }

    private static NameChange Plan(LeaseNameChangePlanner planner, MemfileLease4Row row, DateTimeOffset now)
    {
        var lease = new Lease(row.Address, LeaseType.V4, 1, row.HardwareAddress, row.ClientId, null, 0, row.Hostname,
            ForwardDns: true, ReverseDns: true, row.ValidLifetime, row.Expires, row.SubnetId);
        return planner.Plan(new LeaseEvent(LeaseEventKind.Committed, lease, LeaseSource.Reconciliation, now)).Change
            ?? throw new InvalidOperationException($"the planner gives {row.Hostname} ({row.Address}) no records");
    }

    private static void Append(StringBuilder zone, DnsRecord record) => zone.Append(record.ToString()).Append('\n');

    private static IPAddress Address(uint network, uint offset)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, network + offset);
        return new IPAddress(bytes);
    }
}
