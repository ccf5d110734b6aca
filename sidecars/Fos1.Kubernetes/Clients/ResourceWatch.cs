using System.Net;
using System.Runtime.CompilerServices;
using k8s.Exceptions;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// A watch over plain HTTP (KubernetesClient.Aot has no watch helpers): GET the list path with <c>watch=true</c>, one
/// JSON event per line, through <see cref="KubernetesApi"/>'s HttpClient and credentials. A clean server close ends the sequence;
/// 410 Gone (HTTP status or ERROR event) throws <see cref="ResourceExpiredException"/>; any other ERROR event or HTTP
/// failure throws <see cref="KubernetesClientException"/> instead of being skipped.
/// </summary>
public static class ResourceWatch
{
    /// <param name="client">The API server connection.</param>
    /// <param name="listPath">The list path, e.g. <c>/apis/dns.fos1.io/v1alpha1/namespaces/lab/dnszones</c>.</param>
    /// <param name="resourceVersion">Where to start (a list's resourceVersion); null or empty: from "now", with synthetic ADDED events first.</param>
    /// <param name="what">Names the watch in errors.</param>
    /// <param name="timeoutSeconds">Asks the server to end the watch cleanly after this long; null leaves it to the server.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    public static async IAsyncEnumerable<WatchEvent> ReadAsync(
        KubernetesApi client, string listPath, string? resourceVersion, string what, int? timeoutSeconds = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(listPath);
        using var response = await OpenAsync(client, WatchUri(client.BaseUri, listPath, resourceVersion, timeoutSeconds), what, cancellationToken)
            .ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var lines = new WatchLineReader(body);
        while (await NextAsync(lines, what, cancellationToken).ConfigureAwait(false) is { } line)
        {
            WatchEvent watchEvent;
            try
            {
                watchEvent = WatchLines.Parse(line.Span);
            }
            catch (FormatException e)
            {
                throw new KubernetesClientException($"Watching {what} failed: {e.Message}", e);
            }

            if (watchEvent.Type == WatchEventType.Error)
            {
                throw watchEvent.ErrorCode == (int)HttpStatusCode.Gone
                    ? new ResourceExpiredException($"Watching {what} reported 410 Gone: {watchEvent.ErrorMessage}")
                    : new KubernetesClientException($"Watching {what} reported an error ({watchEvent.ErrorCode}): {watchEvent.ErrorMessage}");
            }

            yield return watchEvent;
        }
    }

    /// <summary>The watch request's address: the list path plus watch=true, the resourceVersion and bookmarks.</summary>
    public static Uri WatchUri(Uri baseUri, string listPath, string? resourceVersion, int? timeoutSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        // The parameters in KubernetesClient's order, so request logs read the same as with its generated calls.
        var query = "?allowWatchBookmarks=true";
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            query += "&resourceVersion=" + Uri.EscapeDataString(resourceVersion);
        }

        if (timeoutSeconds is { } timeout)
        {
            query += "&timeoutSeconds=" + timeout.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        query += "&watch=true";
        return new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + listPath.TrimStart('/') + query);
    }

    private static async Task<HttpResponseMessage> OpenAsync(KubernetesApi client, Uri uri, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new KubernetesClientException($"Watching {what} failed: {e.Message}", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw response.StatusCode == HttpStatusCode.Gone
                ? new ResourceExpiredException($"Watching {what} answered 410 Gone: {text}")
                : new KubernetesClientException($"Watching {what} answered {(int)response.StatusCode} {response.StatusCode}: {text}");
        }
    }

    private static async ValueTask<ReadOnlyMemory<byte>?> NextAsync(WatchLineReader lines, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await lines.NextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new KubernetesClientException($"Watching {what} failed: {e.Message}", e);
        }
    }
}
