namespace Fos1.Mdns.Rendering;

/// <summary>
/// What the sidecar's configuration (not the CR) decides about the rendered avahi-daemon.conf.
/// The defaults fit a reflector-only pod: no D-Bus (the pod has no system bus and nothing in it browses or
/// publishes through avahi's client API; with <c>enable-dbus=yes</c> avahi refuses to start without a bus),
/// and nothing published, not even the node's host name.
/// </summary>
public sealed record AvahiRenderOptions
{
    public static AvahiRenderOptions Default { get; } = new();

    public AvahiDbus Dbus { get; init; } = AvahiDbus.No;

    /// <summary>
    /// False renders <c>disable-publishing=yes</c> (query-only: the reflector forwards other hosts' records
    /// and announces nothing of its own). True publishes the host's address records, without HINFO or workstation.
    /// </summary>
    public bool PublishHostName { get; init; }

    /// <summary>The name to publish when <see cref="PublishHostName"/> is true; null = the system host name.</summary>
    public string? HostName { get; init; }
}
