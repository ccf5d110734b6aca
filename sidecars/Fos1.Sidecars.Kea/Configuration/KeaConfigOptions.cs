using System.ComponentModel.DataAnnotations;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// "Fos1:KeaConfig": render kea-dhcp4 / kea-dhcp6 configuration from DHCPv4Service / DHCPv6Service resources and
/// apply it through Kea's control channel (needs <c>Kubernetes:Enabled</c>). Off unless a family is enabled.
/// </summary>
public sealed class KeaConfigOptions
{
    public const string SectionName = "Fos1:KeaConfig";

    public KeaConfigFamilyOptions Dhcp4 { get; set; } = new() { Template = "/etc/kea/kea-dhcp4.conf" };

    public KeaConfigFamilyOptions Dhcp6 { get; set; } = new() { Template = "/etc/kea/kea-dhcp6.conf" };

    /// <summary>The run_script hook's script (absolute: Kea gives it no PATH); empty keeps the template's.</summary>
    public string? HookScript { get; set; }

    /// <summary>Where Kea sends NCRs once a resource turns DNS updates on; empty = the sidecar's own listener (DhcpDdns:ip-address).</summary>
    public string? NcrServerAddress { get; set; }

    /// <summary>Empty = the sidecar's own listener port (DhcpDdns:port).</summary>
    [Range(1, 65535)]
    public int? NcrServerPort { get; set; }

    /// <summary>
    /// Seconds between re-applies of an unchanged rendering: the applier asks Kea what it runs and sends the
    /// configuration again only when it differs (a Kea restarted from an older file converges). 0 = only on change.
    /// </summary>
    [Range(0, 86_400)]
    public int ReapplySeconds { get; set; } = 60;

    public KeaConfigFamilyOptions For(int family) => family == 6 ? Dhcp6 : Dhcp4;
}

/// <summary>"Fos1:KeaConfig:Dhcp4" / "Fos1:KeaConfig:Dhcp6".</summary>
public sealed class KeaConfigFamilyOptions
{
    public bool Enabled { get; set; }

    /// <summary>The kea-config/ template (Kea JSON with comments) everything but the subnets comes from.</summary>
    public string Template { get; set; } = "";

    /// <summary>The daemon's unix control socket; empty = Fos1:Reconciliation's. Also rendered as the config's control socket.</summary>
    public string? ControlSocket { get; set; }

    /// <summary>The Kea Control Agent URL, used instead of the socket when set; empty = Fos1:Reconciliation's.</summary>
    public string? ControlAgentUrl { get; set; }

    /// <summary><c>lease-database.name</c>; empty keeps the template's.</summary>
    public string? LeaseFile { get; set; }

    /// <summary>kea-dhcp6's <c>data-directory</c>; empty keeps the template's (ignored for v4).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Interfaces for resources naming none; empty = the template's.</summary>
    public List<string> Interfaces { get; set; } = [];
}
