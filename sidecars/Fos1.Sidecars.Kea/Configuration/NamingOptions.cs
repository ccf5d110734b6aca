using System.ComponentModel.DataAnnotations;
using Fos1.Ddns;
using Fos1.Ddns.Naming;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// "Fos1:Naming": how the sidecar names hosts for the sources where Kea does not (hook spool,
/// reconciliation, memfile); the defaults are Kea's (see docs/naming.md).
/// </summary>
public sealed class NamingOptions
{
    /// <summary>Appended to unqualified names (Kea's ddns-qualifying-suffix), e.g. "home.arpa.".</summary>
    public string QualifyingSuffix { get; set; } = "";

    public string? HostnameCharSet { get; set; } = HostNamingOptions.KeaHostnameCharSet;

    public string HostnameCharReplacement { get; set; } = "";

    /// <summary>
    /// Prefix of names generated for leases without a host name ("myhost-192-0-2-10"). Empty by
    /// default, like Kea's ddns-replace-client-name "never": a lease Kea holds no name for gets no
    /// records. (Kea's own hook events for a renewal can lack the name Kea generated for the lease;
    /// generating one here would give the client a second name.)
    /// </summary>
    public string? GeneratedPrefix { get; set; } = "";

    public List<string> DeniedNames { get; set; } = [.. HostNamingOptions.DefaultDeniedNames];

    [Range(0.001, 1.0)]
    public double TtlLeaseFraction { get; set; } = 1.0 / 3.0;

    public uint TtlMinimum { get; set; } = 600;

    public uint TtlMaximum { get; set; } = 86_400;

    public DualStackOwnership DualStack { get; set; } = DualStackOwnership.ClientIdentifier;

    public LeaseNameChangePlanner CreatePlanner()
    {
        var namer = new HostNamer(new HostNamingOptions
        {
            QualifyingSuffix = DnsName.Parse(QualifyingSuffix),
            HostnameCharSet = string.IsNullOrEmpty(HostnameCharSet) ? null : HostnameCharSet,
            HostnameCharReplacement = HostnameCharReplacement,
            GeneratedPrefix = string.IsNullOrEmpty(GeneratedPrefix) ? null : GeneratedPrefix,
            DeniedNames = DeniedNames,
        });
        return new LeaseNameChangePlanner(namer, new LeasePlanningOptions
        {
            Ttl = new TtlPolicy { LeaseFraction = TtlLeaseFraction, Minimum = TtlMinimum, Maximum = TtlMaximum },
            DualStack = DualStack,
        });
    }
}
