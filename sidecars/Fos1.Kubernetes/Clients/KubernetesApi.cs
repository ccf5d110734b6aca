using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using k8s.Autorest;
using k8s.Exceptions;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// The API server over plain HTTP: the few calls the layer makes (get, list, watch, status patch/replace, Lease
/// create/replace), each (de)serialized through metadata the caller names. Not KubernetesClient's generated operations:
/// they reference its all-models JSON context, which keeps every Kubernetes model in a native binary. A failed call
/// throws <see cref="HttpOperationException"/> with the status and body, as those operations did.
/// </summary>
public sealed class KubernetesApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<HttpRequestMessage, CancellationToken, Task>? _authorize;

    /// <param name="http">Sends the requests (TLS and client certificate already set up).</param>
    /// <param name="baseUri">The API server, e.g. <c>https://10.96.0.1:443/</c>.</param>
    /// <param name="authorize">Adds credentials to each request (e.g. a bearer token re-read from its file), or null.</param>
    public KubernetesApi(HttpClient http, Uri baseUri, Func<HttpRequestMessage, CancellationToken, Task>? authorize = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUri);
        _http = http;
        BaseUri = baseUri;
        _authorize = authorize;
    }

    public Uri BaseUri { get; }

    /// <summary>Disposes the HttpClient (and its connections).</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>The absolute address of an API path plus query.</summary>
    public Uri UriOf(string pathAndQuery) => new(BaseUri.AbsoluteUri.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/'));

    /// <summary>GET; null when the object does not exist (404).</summary>
    public async Task<T?> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await SendAsync(HttpMethod.Get, pathAndQuery, null, info, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Longest a call other than a watch may take, as KubernetesClient's own HttpClient allowed (100 s): a server that
    /// accepts the request and never answers must not hold a controller forever. Ends the call the way HttpClient's
    /// timeout did (a TaskCanceledException the caller did not ask for), so callers retry it as before.
    /// </summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Sends <paramref name="body"/> (JSON, or null for none) with the content type given and reads the answer.</summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, string pathAndQuery, string? body, JsonTypeInfo<T> info, CancellationToken cancellationToken,
        string contentType = "application/json")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(info);
        using var request = new HttpRequestMessage(method, UriOf(pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(CallTimeout);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(request, response, deadline.Token).ConfigureAwait(false);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        return await System.Text.Json.JsonSerializer.DeserializeAsync(stream, info, deadline.Token).ConfigureAwait(false)
            ?? throw new KubernetesClientException($"{method} {pathAndQuery} answered {(int)response.StatusCode} without an object.");
    }

    /// <summary>Sends a request with credentials; the caller owns the response (a watch reads it as it arrives).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_authorize is not null)
        {
            await _authorize(request, cancellationToken).ConfigureAwait(false);
        }

        return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpOperationException> FailureAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new HttpOperationException($"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {response.StatusCode}: {text}")
        {
            Response = new HttpResponseMessageWrapper(response, text),
        };
    }
}
