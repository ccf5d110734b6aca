using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The spec of a <c>PTRZone</c> (docs/crds.md).</summary>
public sealed record PtrZoneSpec
{
    /// <summary>Required; IPv4 prefix /8, /16 or /24, or an IPv6 prefix whose length is a multiple of 4.</summary>
    [JsonPropertyName("network")]
    public string Network { get; set; } = "";

    [JsonPropertyName("ttl")]
    public int Ttl { get; set; } = 3600;

    [JsonPropertyName("soa")]
    public SoaSettings Soa { get; init => field = value ?? new(); } = new();

    /// <summary>Required when soa.primaryNameServer is not given.</summary>
    [JsonPropertyName("nameServers")]
    public IReadOnlyList<string> NameServers { get; init => field = value ?? []; } = [];

    [JsonPropertyName("records")]
    public IReadOnlyList<PtrRecord> Records { get; init => field = value ?? []; } = [];

    [JsonPropertyName("dynamicUpdates")]
    public DynamicUpdates DynamicUpdates { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("publish")]
    public PublishSettings Publish { get; init => field = value ?? new(); } = new();
}
