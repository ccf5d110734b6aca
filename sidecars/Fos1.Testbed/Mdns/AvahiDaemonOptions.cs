namespace Fos1.Testbed.Mdns;

/// <summary>How <see cref="AvahiDaemon"/> runs avahi-daemon.</summary>
public sealed record AvahiDaemonOptions
{
    /// <summary>A directory bind-mounted over /etc/avahi/services (static service files); null = the host's.</summary>
    public string? ServicesDirectory { get; init; }

    /// <summary>
    /// Start avahi again whenever it exits cleanly, like the avahi container's restart policy in the pod: the
    /// config sidecar restarts avahi by signalling it and relies on this.
    /// </summary>
    public bool RestartOnExit { get; init; }
}
