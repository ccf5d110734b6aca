using System.Net;
using System.Text.Json;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Observability;

/// <summary>A sidecar's observability endpoint on a free loopback port: the argument that turns it on and a client for it.</summary>
internal sealed class SidecarHttp : IDisposable
{
    private readonly HttpClient _http;

    public SidecarHttp()
    {
        Endpoint = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
        _http = new HttpClient { BaseAddress = new Uri($"http://{Endpoint}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>The command-line argument for the sidecar.</summary>
    public string Argument => $"--Observability:HttpEndpoint={Endpoint}";

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, JsonDocument Json)> PostAsync(string path)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content: null);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body}");
        return JsonDocument.Parse(body);
    }

    public async Task<MetricsScrape> ScrapeAsync()
    {
        var (status, body) = await GetAsync("/metrics");
        Assert.True(status == HttpStatusCode.OK, $"/metrics: {status} {body}");
        return MetricsScrape.Parse(body);
    }

    /// <summary>Scrapes until <paramref name="done"/> holds; returns that scrape.</summary>
    public async Task<MetricsScrape> ScrapeUntilAsync(Func<MetricsScrape, bool> done, string what, Func<string> diagnostics)
    {
        MetricsScrape? last = null;
        await Poll.UntilAsync(async _ => done(last = await ScrapeAsync()), TimeSpan.FromSeconds(30), what,
            () => diagnostics() + Environment.NewLine + last?.Text);
        return last ?? throw new InvalidOperationException("no scrape");
    }

    /// <summary>Asks /readyz until it answers <paramref name="status"/> with a body for which <paramref name="body"/> holds; returns the body.</summary>
    public async Task<string> ReadinessUntilAsync(HttpStatusCode status, Func<string, bool> body, Func<string> diagnostics)
    {
        (HttpStatusCode Status, string Body) last = default;
        await Poll.UntilAsync(async _ => (last = await GetAsync("/readyz")).Status == status && body(last.Body), TimeSpan.FromSeconds(30),
            $"/readyz to answer {(int)status}", () => $"last: {(int)last.Status} {last.Body}{Environment.NewLine}{diagnostics()}");
        return last.Body ?? "";
    }

    public void Dispose() => _http.Dispose();
}
