using Fos1.Mdns.Applying;
using Fos1.Mdns.Rendering;

namespace Fos1.Sidecars.Config.Configuration;

/// <summary>"ConfigSidecar:Mdns": the avahi-daemon.conf to write, how to restart avahi, and what the sidecar (not the CR) decides.</summary>
public sealed class MdnsSidecarOptions
{
    public bool Enabled { get; set; }

    /// <summary>The file avahi reads (<c>avahi-daemon -f</c>), in a volume shared with avahi's container.</summary>
    public string ConfigFile { get; set; } = "";

    /// <summary>avahi's pid file as the sidecar sees it (a shared emptyDir over /run/avahi-daemon).</summary>
    public string PidFile { get; set; } = AvahiPidFile.DefaultPath;

    public string KillExecutable { get; set; } = "/bin/kill";

    public AvahiDbus Dbus { get; set; } = AvahiDbus.No;

    public bool PublishHostName { get; set; }

    public string? HostName { get; set; }

    /// <summary>Named in status messages (each node's sidecar sees its own interfaces); default NODE_NAME, else the host name.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>How often the file is rendered again with nothing changed in the CRs (the node's interfaces may have).</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    public AvahiRenderOptions RenderOptions() => new() { Dbus = Dbus, PublishHostName = PublishHostName, HostName = string.IsNullOrEmpty(HostName) ? null : HostName };

    public string EffectiveNodeName() =>
        NodeName.Length > 0 ? NodeName
        : Environment.GetEnvironmentVariable("NODE_NAME") is { Length: > 0 } node ? node
        : Environment.MachineName;
}
