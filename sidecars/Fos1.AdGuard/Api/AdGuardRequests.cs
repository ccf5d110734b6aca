using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

// The POST bodies of /control/*, with the exact names AdGuard Home's handlers read (openapi/openapi.yaml). Named types,
// not anonymous ones, because the source-generated serializer (AdGuardJson) only knows types it can name.

internal sealed record AddUrlRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("whitelist")] bool Whitelist);

internal sealed record RemoveUrlRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("whitelist")] bool Whitelist);

internal sealed record SetUrlRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("whitelist")] bool Whitelist,
    [property: JsonPropertyName("data")] SetUrlData Data);

internal sealed record SetUrlData(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("enabled")] bool Enabled);

internal sealed record SetRulesRequest([property: JsonPropertyName("rules")] IReadOnlyList<string> Rules);

internal sealed record RefreshRequest([property: JsonPropertyName("whitelist")] bool Whitelist);

internal sealed record FilteringConfigRequest(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("interval")] int Interval);

internal sealed record UpdateClientRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("data")] ClientInfo Data);

internal sealed record DeleteClientRequest([property: JsonPropertyName("name")] string Name);

internal sealed record UpstreamsRequest([property: JsonPropertyName("upstream_dns")] IReadOnlyList<string> UpstreamDns);
