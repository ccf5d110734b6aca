using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>AdGuard Home blocked services for one client.</summary>
public sealed record BlockedServices
{
    [JsonPropertyName("useGlobal")]
    public bool UseGlobal { get; set; } = true;

    /// <summary>AdGuard service ids (youtube, tiktok...).</summary>
    [JsonPropertyName("ids")]
    public IReadOnlyList<string> Ids { get; init => field = value ?? []; } = [];

    /// <summary>When the block is paused (AdGuard's schedule); null = never paused, always blocked.</summary>
    [JsonPropertyName("schedule")]
    public BlockSchedule? Schedule { get; init; }
}
