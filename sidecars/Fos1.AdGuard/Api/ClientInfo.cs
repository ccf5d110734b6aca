using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>A persistent client in the HTTP API (openapi "Client"): GET /control/clients and the add/update bodies.</summary>
public sealed record ClientInfo
{
    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? ""; } = "";

    [JsonPropertyName("ids")]
    public IReadOnlyList<string> Ids { get; init => field = value ?? []; } = [];

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    [JsonPropertyName("upstreams")]
    public IReadOnlyList<string> Upstreams { get; init => field = value ?? []; } = [];

    [JsonPropertyName("use_global_settings")]
    public bool UseGlobalSettings { get; init; }

    [JsonPropertyName("filtering_enabled")]
    public bool FilteringEnabled { get; init; }

    [JsonPropertyName("parental_enabled")]
    public bool ParentalEnabled { get; init; }

    [JsonPropertyName("safebrowsing_enabled")]
    public bool SafeBrowsingEnabled { get; init; }

    [JsonPropertyName("safe_search")]
    public SafeSearchSettings? SafeSearch { get; init; }

    [JsonPropertyName("use_global_blocked_services")]
    public bool UseGlobalBlockedServices { get; init; }

    [JsonPropertyName("blocked_services")]
    public IReadOnlyList<string> BlockedServices { get; init => field = value ?? []; } = [];

    [JsonPropertyName("blocked_services_schedule")]
    public ScheduleInfo? BlockedServicesSchedule { get; init; }
}

/// <summary>openapi "SafeSearchConfig".</summary>
public sealed record SafeSearchSettings
{
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    [JsonPropertyName("bing")]
    public bool Bing { get; init; }

    [JsonPropertyName("duckduckgo")]
    public bool DuckDuckGo { get; init; }

    [JsonPropertyName("ecosia")]
    public bool Ecosia { get; init; }

    [JsonPropertyName("google")]
    public bool Google { get; init; }

    [JsonPropertyName("pixabay")]
    public bool Pixabay { get; init; }

    [JsonPropertyName("yandex")]
    public bool Yandex { get; init; }

    [JsonPropertyName("youtube")]
    public bool YouTube { get; init; }
}
