using System.Diagnostics;
using Fos1.Ddns;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>Asks again and again (1 ms apart, the timer's resolution) until the name answers with an A record.</summary>
public abstract class PollingProbe : IPublishProbe
{
    public abstract string Name { get; }

    public async Task<long?> WaitVisibleAsync(DnsName name, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < deadline)
        {
            if (await AnswersAsync(name, cancellationToken))
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(1, cancellationToken);
        }

        return null;
    }

    /// <summary>True when the reader answers the name with at least one A record.</summary>
    protected abstract Task<bool> AnswersAsync(DnsName name, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
