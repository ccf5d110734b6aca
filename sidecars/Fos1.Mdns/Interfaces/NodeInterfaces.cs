using System.Net.NetworkInformation;

namespace Fos1.Mdns.Interfaces;

/// <summary>
/// The interface names of the network namespace the sidecar runs in (the node's, in a hostNetwork pod): the
/// renderer's input for checking MDNSReflector.spec.interfaces.
/// </summary>
public static class NodeInterfaces
{
    public const string SysfsDirectory = "/sys/class/net";

    /// <summary>
    /// The names the kernel reports through netlink for this process's network namespace. Unlike
    /// /sys/class/net, this does not depend on which namespace mounted sysfs in the container.
    /// </summary>
    public static IReadOnlyList<string> FromSystem() =>
        [.. NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The entries of a sysfs net class directory (<see cref="SysfsDirectory"/>), one per interface.</summary>
    public static IReadOnlyList<string> FromSysfs(string directory = SysfsDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
    }
}
