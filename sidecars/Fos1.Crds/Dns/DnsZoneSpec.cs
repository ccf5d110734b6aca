using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>The spec of a <c>DNSZone</c> (docs/crds.md).</summary>
public sealed record DnsZoneSpec
{
    /// <summary>Required; DNS name without the trailing dot.</summary>
    [JsonPropertyName("domain")]
    public string Domain { get; set; } = "";

    /// <summary>TTL of static records without their own, and of the SOA and NS records.</summary>
    [JsonPropertyName("ttl")]
    public int Ttl { get; set; } = 3600;

    [JsonPropertyName("soa")]
    public SoaSettings Soa { get; init => field = value ?? new(); } = new();

    /// <summary>NS records at the apex; [] = [soa.primaryNameServer] (see <see cref="ZoneDefaults"/>).</summary>
    [JsonPropertyName("nameServers")]
    public IReadOnlyList<string> NameServers { get; init => field = value ?? []; } = [];

    [JsonPropertyName("records")]
    public IReadOnlyList<StaticRecord> Records { get; init => field = value ?? []; } = [];

    [JsonPropertyName("dynamicUpdates")]
    public DynamicUpdates DynamicUpdates { get; init => field = value ?? new(); } = new();

    [JsonPropertyName("publish")]
    public PublishSettings Publish { get; init => field = value ?? new(); } = new();
}
