using System.Diagnostics;
using System.Net;

namespace Fos1.Bench.Footprint.Measuring;

/// <summary>
/// Polls GET /readyz every 5 ms from a given start timestamp until the first 200 and reports the time it took.
/// Started before the process is, so the Testbed's own start-up wait (UDP bound, a log line) never delays it.
/// </summary>
public static class ReadinessPoller
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    public static async Task<TimeSpan> UntilReadyAsync(HttpClient http, Uri readyz, long started, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var timer = new PeriodicTimer(Interval);
        while (Stopwatch.GetElapsedTime(started) < deadline)
        {
            try
            {
                using var response = await http.GetAsync(readyz, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A request timed out while the process was busy starting.
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }

        throw new TimeoutException($"{readyz} did not answer 200 within {deadline.TotalSeconds:0} s");
    }

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromMilliseconds(500),
    })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };
}
