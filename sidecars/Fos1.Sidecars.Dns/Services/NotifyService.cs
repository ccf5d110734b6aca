using Fos1.Dns.Server.Transfer;
using Fos1.Zones.Store;
using Microsoft.Extensions.Hosting;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// Tells each zone's secondaries (RFC 1996 NOTIFY) when a change to it is durable; the time until every
/// secondary acknowledged is the <c>notify</c> publish latency.
/// </summary>
public sealed class NotifyService(ZoneStore store, NotifyOnChange notify, PublishMetrics metrics, TimeProvider time) : BackgroundService
{
    private readonly PublishMetrics _metrics = metrics;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in store.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (change.Kind == ZoneChangeKind.Removed)
                {
                    continue; // nothing left to transfer
                }

                // Fire and forget per change: a silent secondary must not hold back the next NOTIFY.
                _ = NotifyAsync(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(ZoneChange change, CancellationToken cancellationToken)
    {
        var since = time.GetTimestamp();
        var results = await notify.ZoneChangedAsync(change.Zone, change.Serial, cancellationToken).ConfigureAwait(false);
        if (results.Count > 0 && results.All(r => r.Acknowledged))
        {
            _metrics.Published(PublishOutput.Notify, change.Zone, time.GetElapsedTime(since));
        }
    }
}
