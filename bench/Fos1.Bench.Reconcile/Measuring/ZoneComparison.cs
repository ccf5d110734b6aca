using System.Diagnostics;
using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Records;
using Fos1.Dns.Transfer;

namespace Fos1.Bench.Reconcile.Measuring;

/// <summary>What two AXFRs (forward, reverse) found against the desired A, PTR and DHCID records.</summary>
/// <param name="Missing">Desired records the zones lack.</param>
/// <param name="Extra">Records the zones hold that are not desired (stale names, wrong addresses).</param>
public sealed record ZoneComparison(int Records, int Missing, int Extra, TimeSpan Took, IReadOnlyList<string> Examples)
{
    public bool Equal => Missing == 0 && Extra == 0;

    /// <param name="ignored">Records that belong to the zone's own set-up (ns A 127.0.0.1).</param>
    public static async Task<ZoneComparison> CompareAsync(
        IPEndPoint server, IEnumerable<string> zones, IReadOnlySet<string> desired, IReadOnlySet<string> ignored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(ignored);
        var started = Stopwatch.GetTimestamp();
        var client = new ZoneTransferClient(new ZoneTransferOptions { Timeout = TimeSpan.FromMinutes(2) });
        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            var transferred = await client.TransferAsync(server, DnsName.Parse(zone), cancellationToken: cancellationToken);
            foreach (var record in transferred.AddressPointerAndDhcidRecords())
            {
                var text = record.ToString();
                if (!ignored.Contains(text))
                {
                    actual.Add(text);
                }
            }
        }

        var missing = desired.Where(record => !actual.Contains(record)).ToList();
        var extra = actual.Where(record => !desired.Contains(record)).ToList();
        var examples = missing.Take(3).Select(r => "missing " + r).Concat(extra.Take(3).Select(r => "extra " + r)).ToList();
        return new ZoneComparison(actual.Count, missing.Count, extra.Count, Stopwatch.GetElapsedTime(started), examples);
    }

    public static DnsRecord NameServer(string zone) => new(DnsName.Parse("ns." + zone), 300, new AddressData(IPAddress.Loopback));
}
