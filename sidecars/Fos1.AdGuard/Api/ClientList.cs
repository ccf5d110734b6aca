using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>GET /control/clients (openapi "Clients"); runtime clients are not fos1's business and are not read.</summary>
public sealed record ClientList
{
    [JsonPropertyName("clients")]
    public IReadOnlyList<ClientInfo> Clients { get; init => field = value ?? []; } = [];

    [JsonPropertyName("supported_tags")]
    public IReadOnlyList<string> SupportedTags { get; init => field = value ?? []; } = [];
}
