using System.Globalization;
using Fos1.Sidecars.Kea.Pipeline;

namespace Fos1.Ctl.Plan;

/// <summary>
/// A survey's progress as lines on stderr (stdout stays the report, so `fos1ctl plan --json | jq` works):
/// one per zone, one per page of leases. Synchronous, so lines never arrive after the report.
/// </summary>
internal sealed class ProgressLines(TextWriter error) : IProgress<ReconciliationProgress>
{
    public void Report(ReconciliationProgress value) => error.WriteLine(value switch
    {
        ReconciliationProgress.ZoneRead zone => string.Create(CultureInfo.InvariantCulture,
            $"zone {zone.Zone} from {zone.Server}: {zone.Records} A/AAAA/PTR/DHCID records"),
        ReconciliationProgress.LeasesRead { Done: false } page => string.Create(CultureInfo.InvariantCulture,
            $"DHCPv{page.Family} leases from {page.Endpoint}: {page.Read} read, {page.Active} active..."),
        ReconciliationProgress.LeasesRead done => string.Create(CultureInfo.InvariantCulture,
            $"DHCPv{done.Family} leases from {done.Endpoint}: {done.Read} read, {done.Active} active, done"),
        _ => value.ToString(),
    });
}
