using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>
/// SOA fields, in seconds. The two names default to "ns.&lt;zone&gt;" and "hostmaster.&lt;zone&gt;", which
/// depend on the zone; <see cref="ZoneDefaults"/> resolves them.
/// </summary>
public sealed record SoaSettings
{
    [JsonPropertyName("primaryNameServer")]
    public string? PrimaryNameServer { get; init; }

    [JsonPropertyName("mailbox")]
    public string? Mailbox { get; init; }

    [JsonPropertyName("refresh")]
    public int Refresh { get; set; } = 3600;

    [JsonPropertyName("retry")]
    public int Retry { get; set; } = 600;

    [JsonPropertyName("expire")]
    public int Expire { get; set; } = 604800;

    /// <summary>The negative-caching TTL.</summary>
    [JsonPropertyName("minimum")]
    public int Minimum { get; set; } = 300;
}
