using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Fos1.Ctl.Endpoint;

/// <summary>
/// The kea sidecar's operator endpoints on its health port (Observability:HttpEndpoint, 9101): GET /status and
/// POST /resync. Every failure to get a usable answer is a <see cref="SidecarEndpointException"/> naming the URL.
/// </summary>
public sealed class SidecarEndpointClient(HttpClient http, Uri baseAddress)
{
    public const string DefaultEndpoint = "http://127.0.0.1:9101";

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>"127.0.0.1:9101", "localhost:9101" or a full http(s) URL.</summary>
    public static bool TryParseEndpoint(string? text, out Uri? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https";
    }

    /// <returns>The parsed status and the body exactly as served (for --json).</returns>
    public async Task<(SidecarStatus Status, string Body)> GetStatusAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(BaseAddress, "/status");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SidecarEndpointException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
        }

        return (Parse(url, body, CtlJson.Web.SidecarStatus), body);
    }

    /// <returns>The run's counts, or the sidecar's reason (409) when reconciliation is not configured.</returns>
    public async Task<(ResyncResult? Result, string? Refusal, string Body)> ResyncAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(BaseAddress, "/resync");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, url), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return (null, ErrorOf(body) ?? "reconciliation is not configured", body);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SidecarEndpointException($"POST {url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorOf(body) ?? Shorten(body)}");
        }

        return (Parse(url, body, CtlJson.Web.ResyncResult), null, body);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new SidecarEndpointException($"{request.Method} {request.RequestUri} failed: {e.Message} (is the kea sidecar running with Observability:HttpEndpoint there?)", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SidecarEndpointException($"{request.Method} {request.RequestUri} got no answer within {http.Timeout.TotalSeconds:0} s", e);
            }
        }
    }

    private static T Parse<T>(Uri url, string body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new SidecarEndpointException($"{url} answered null");
        }
        catch (JsonException e)
        {
            throw new SidecarEndpointException($"{url} answered something other than the sidecar's JSON ({e.Message}): {Shorten(body)}", e);
        }
    }

    private static string? ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? error.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "...";
}
