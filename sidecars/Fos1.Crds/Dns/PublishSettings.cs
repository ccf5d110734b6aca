using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>How a zone reaches CoreDNS and its secondaries.</summary>
public sealed record PublishSettings
{
    [JsonPropertyName("mode")]
    public PublishMode Mode { get; set; } = PublishMode.Grpc;

    /// <summary>CoreDNS cache cap for the zone, seconds; 0 = none.</summary>
    [JsonPropertyName("cacheSeconds")]
    public int CacheSeconds { get; init; }

    /// <summary>Secondaries told by NOTIFY after each change, "address:port".</summary>
    [JsonPropertyName("notify")]
    public IReadOnlyList<string> Notify { get; init => field = value ?? []; } = [];
}
