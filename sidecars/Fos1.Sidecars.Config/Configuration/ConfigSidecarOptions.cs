namespace Fos1.Sidecars.Config.Configuration;

/// <summary>The "ConfigSidecar" section: AdGuard Home and mDNS, each on its own; a sidecar may run either or both.</summary>
public sealed class ConfigSidecarOptions
{
    public const string SectionName = "ConfigSidecar";

    public AdGuardSidecarOptions AdGuard { get; set; } = new();

    public MdnsSidecarOptions Mdns { get; set; } = new();
}
