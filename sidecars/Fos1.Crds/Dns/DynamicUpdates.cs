using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>
/// Whether RFC 2136 UPDATEs are accepted for a zone. <see cref="RecordTypes"/> has no static default because
/// it differs by kind (DNSZone: A, AAAA, DHCID; PTRZone: PTR, DHCID): null means the kind's default, see
/// <see cref="ZoneDefaults.UpdatableRecordTypes(DnsZoneSpec)"/>.
/// </summary>
public sealed record DynamicUpdates
{
    public static IReadOnlyList<string> ForwardRecordTypes { get; } = ["A", "AAAA", "DHCID"];

    public static IReadOnlyList<string> ReverseRecordTypes { get; } = ["PTR", "DHCID"];

    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>TSIG key names allowed to update; required non-empty when enabled.</summary>
    [JsonPropertyName("keys")]
    public IReadOnlyList<string> Keys { get; init => field = value ?? []; } = [];

    [JsonPropertyName("recordTypes")]
    public IReadOnlyList<string>? RecordTypes { get; init; }
}
