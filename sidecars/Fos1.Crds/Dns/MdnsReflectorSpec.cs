using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The spec of an <c>MDNSReflector</c>, rendered into avahi-daemon.conf.</summary>
public sealed record MdnsReflectorSpec
{
    /// <summary>False renders enable-reflector=no.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Required, at least one; exact interface names.</summary>
    [JsonPropertyName("interfaces")]
    public IReadOnlyList<string> Interfaces { get; init => field = value ?? []; } = [];

    [JsonPropertyName("ipv4")]
    public bool Ipv4 { get; set; } = true;

    [JsonPropertyName("ipv6")]
    public bool Ipv6 { get; set; } = true;

    /// <summary>Reflect between IPv4 and IPv6 (avahi reflect-ipv).</summary>
    [JsonPropertyName("reflectIpv")]
    public bool ReflectIpv { get; init; }

    /// <summary>[] = reflect everything (avahi reflect-filters).</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<string> Filters { get; init => field = value ?? []; } = [];
}
