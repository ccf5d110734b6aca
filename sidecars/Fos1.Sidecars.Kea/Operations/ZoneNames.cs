using Fos1.Ddns;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>Zone names as operators write them in Kea and BIND configuration: absolute, with the final dot.</summary>
public static class ZoneNames
{
    public static string Absolute(DnsName zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Text.EndsWith('.') ? zone.Text : zone.Text + ".";
    }
}
