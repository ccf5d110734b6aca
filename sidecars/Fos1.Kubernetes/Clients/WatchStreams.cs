using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace Fos1.Kubernetes.Clients;

/// <summary>
/// Wraps one of KubernetesClient's watch enumerables into the <see cref="IResourceClient{T}"/> contract:
/// a clean server close ends the sequence; 410 Gone (HTTP status or ERROR event) throws
/// <see cref="ResourceExpiredException"/>; any other reported error throws instead of being skipped.
/// </summary>
internal static class WatchStreams
{
    public static async IAsyncEnumerable<(WatchEventType Type, T Object)> ReadAsync<TRaw, T>(
        Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, TRaw)>> open,
        Func<TRaw, T?> convert,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        // The client reports an ERROR event (410 Gone among them) through onError and keeps reading; we stop
        // the stream there instead, so the informer can decide between re-watching and re-listing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        void OnError(Exception e)
        {
            failure ??= e;
            stop.Cancel();
        }

        await using var events = open(OnError, stop.Token).GetAsyncEnumerator(stop.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await events.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                throw Translate(failure, what);
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Gone)
            {
                throw Translate(e, what);
            }

            if (!more)
            {
                if (failure is not null)
                {
                    throw Translate(failure, what);
                }

                yield break;
            }

            var (type, raw) = events.Current;
            if (raw is not null && convert(raw) is { } resource)
            {
                yield return (type, resource);
            }
        }
    }

    private static Exception Translate(Exception failure, string what) => failure switch
    {
        KubernetesException { Status.Code: (int)HttpStatusCode.Gone } gone =>
            new ResourceExpiredException($"Watching {what} reported 410 Gone: {gone.Status.Message}", gone),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } gone =>
            new ResourceExpiredException($"Watching {what} answered 410 Gone.", gone),
        _ => new KubernetesClientException($"Watching {what} failed: {failure.Message}", failure),
    };
}
