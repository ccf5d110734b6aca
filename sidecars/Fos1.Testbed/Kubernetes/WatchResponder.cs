using Microsoft.AspNetCore.Http;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// Streams a watch as kube-apiserver does over HTTP/1.1: status 200, chunked body, one event per line, each
/// flushed at once. Ends cleanly on timeoutSeconds or <c>DropWatches</c>; <c>AbortWatches</c> cuts the connection.
/// </summary>
internal static class WatchResponder
{
    public static async Task StreamAsync(HttpContext context, ResourceStore store, WatchSubscription watch, int? timeoutSeconds)
    {
        var response = context.Response;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (timeoutSeconds is > 0)
        {
            end.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds.Value));
        }

        try
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            await response.StartAsync(end.Token);
            await foreach (var line in watch.Lines.ReadAllAsync(end.Token))
            {
                await response.WriteAsync(line + "\n", end.Token);
                await response.Body.FlushAsync(end.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds ran out or the client went away: both end the watch normally.
        }
        finally
        {
            store.Unwatch(watch);
        }

        if (watch.Aborted)
        {
            context.Abort();
        }
    }

    /// <summary>A watch from a compacted resourceVersion: HTTP 200 carrying one ERROR event (410 Expired), then the end.</summary>
    public static async Task ErrorAsync(HttpContext context, ApiStatus status)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(WatchEvents.ErrorLine(status) + "\n", context.RequestAborted);
    }
}
