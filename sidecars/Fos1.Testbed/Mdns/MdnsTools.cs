using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Mdns;

/// <summary>The programs the mDNS lab runs, with the Debian packages that ship them.</summary>
public static class MdnsTools
{
    public static Tool AvahiDaemon { get; } = new("avahi-daemon", "avahi-daemon");

    /// <summary>Runs <see cref="MdnsBrowser"/>'s socket relay inside a namespace.</summary>
    public static Tool Python3 { get; } = new("python3", "python3");

    public static Tool Unshare { get; } = new("unshare", "util-linux");
}
