using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Fos1.AdGuard.Api;

/// <summary>
/// A thin client for the AdGuard Home HTTP API (<c>/control/*</c>, openapi/openapi.yaml): JSON in and out, basic
/// auth, and any non-success status turned into an <see cref="AdGuardApiException"/> carrying AdGuard's text.
/// The HttpClient's BaseAddress is AdGuard's web address (http://127.0.0.1:3000/).
/// </summary>
public sealed class AdGuardApiClient
{
    private readonly HttpClient http;

    public AdGuardApiClient(HttpClient http, AdGuardCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        this.http = http;
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicAuthorization());
    }

    public Task<FilteringStatus> GetFilteringStatusAsync(CancellationToken cancellationToken = default) =>
        GetAsync("control/filtering/status", AdGuardJson.Default.FilteringStatus, cancellationToken);

    public Task<ClientList> GetClientsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("control/clients", AdGuardJson.Default.ClientList, cancellationToken);

    public Task<DnsInfo> GetDnsInfoAsync(CancellationToken cancellationToken = default) =>
        GetAsync("control/dns_info", AdGuardJson.Default.DnsInfo, cancellationToken);

    public Task AddUrlAsync(string name, string url, bool whitelist, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/add_url", new AddUrlRequest(name, url, whitelist), AdGuardJson.Default.AddUrlRequest, cancellationToken);

    public Task RemoveUrlAsync(string url, bool whitelist, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/remove_url", new RemoveUrlRequest(url, whitelist), AdGuardJson.Default.RemoveUrlRequest, cancellationToken);

    /// <summary>Changes the filter currently at <paramref name="url"/> (name, enabled; AdGuard keys filters by URL).</summary>
    public Task SetUrlAsync(string url, bool whitelist, string name, bool enabled, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/set_url", new SetUrlRequest(url, whitelist, new SetUrlData(name, url, enabled)), AdGuardJson.Default.SetUrlRequest, cancellationToken);

    public Task SetRulesAsync(IReadOnlyList<string> rules, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/set_rules", new SetRulesRequest(rules), AdGuardJson.Default.SetRulesRequest, cancellationToken);

    public Task RefreshAsync(bool whitelist, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/refresh", new RefreshRequest(whitelist), AdGuardJson.Default.RefreshRequest, cancellationToken);

    public Task SetFilteringConfigAsync(bool enabled, int intervalHours, CancellationToken cancellationToken = default) =>
        PostAsync("control/filtering/config", new FilteringConfigRequest(enabled, intervalHours), AdGuardJson.Default.FilteringConfigRequest, cancellationToken);

    public Task AddClientAsync(ClientInfo client, CancellationToken cancellationToken = default) =>
        PostAsync("control/clients/add", client, AdGuardJson.Default.ClientInfo, cancellationToken);

    public Task UpdateClientAsync(string currentName, ClientInfo client, CancellationToken cancellationToken = default) =>
        PostAsync("control/clients/update", new UpdateClientRequest(currentName, client), AdGuardJson.Default.UpdateClientRequest, cancellationToken);

    public Task DeleteClientAsync(string name, CancellationToken cancellationToken = default) =>
        PostAsync("control/clients/delete", new DeleteClientRequest(name), AdGuardJson.Default.DeleteClientRequest, cancellationToken);

    /// <summary>POST /control/dns_config with only upstream_dns: AdGuard leaves the fields it is not sent alone.</summary>
    public Task SetUpstreamsAsync(IReadOnlyList<string> upstreams, CancellationToken cancellationToken = default) =>
        PostAsync("control/dns_config", new UpstreamsRequest(upstreams), AdGuardJson.Default.UpstreamsRequest, cancellationToken);

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> json, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync("GET /" + path, response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(json, cancellationToken)
            ?? throw new AdGuardApiException($"GET /{path}: AdGuard Home answered with an empty body");
    }

    private async Task PostAsync<T>(string path, T body, JsonTypeInfo<T> json, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, json, cancellationToken);
        await EnsureSuccessAsync("POST /" + path, response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(string endpoint, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        throw new AdGuardApiException(endpoint, response.StatusCode, ErrorText(text));
    }

    // Older handlers write plain text (http.Error); newer ones the openapi "Error" object {"message": ...}.
    private static string ErrorText(string body)
    {
        if (body.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString()!;
                }
            }
            catch (JsonException)
            {
                return body;
            }
        }

        return body.Length == 0 ? "(no message)" : body;
    }
}
