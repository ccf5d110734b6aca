namespace Fos1.Mdns.Rendering;

/// <summary>The values avahi-daemon.conf carries, after the CR and the node's interfaces were reconciled.</summary>
/// <param name="Source">"namespace/name" of the MDNSReflector, or null when none applies.</param>
internal sealed record AvahiSettings(
    string? Source,
    IReadOnlyList<string> Interfaces,
    bool Ipv4,
    bool Ipv6,
    bool Reflect,
    bool ReflectIpv,
    IReadOnlyList<string> Filters)
{
    /// <summary>No CR applies: avahi keeps running (the pod stays healthy) but reflects and publishes nothing.</summary>
    public static AvahiSettings Dormant { get; } = new(null, [], true, true, false, false, []);
}
