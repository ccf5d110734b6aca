using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;

namespace Fos1.Bench.Ncr.Workload;

/// <summary>The datagrams of one run, encoded before the clock starts so encoding never slows the pacing.</summary>
public sealed class NcrBatch
{
    private NcrBatch(BenchRun run, byte[][] datagrams)
    {
        Run = run;
        Datagrams = datagrams;
    }

    public BenchRun Run { get; }

    /// <summary>Datagram i adds host-i with address i, each with its own client (DHCID).</summary>
    public IReadOnlyList<byte[]> Datagrams { get; }

    public static NcrBatch For(BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var datagrams = new byte[run.Changes][];
        for (var i = 0; i < run.Changes; i++)
        {
            var fqdn = DnsName.Parse(run.HostName(i));
            // A locally administered MAC per (run, host): every change has its own owner.
            byte[] mac = [0x02, 0xbe, (byte)run.Index, 0, (byte)(i >> 8), (byte)i];
            var dhcid = ClientIdentity.FromHardwareAddress(1, mac).ComputeDhcid(fqdn);
            datagrams[i] = NameChangeRequestCodec.Encode(new NameChange(
                NameChangeKind.Add, Forward: true, Reverse: true, fqdn, run.Address(i), dhcid,
                Ttl: 1200, UseConflictResolution: true, DateTimeOffset.UtcNow.AddHours(1)));
        }

        return new NcrBatch(run, datagrams);
    }
}
