using Fos1.Dns.Server.Transfer;
using Fos1.Zones.Store;
using Microsoft.Extensions.Hosting;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>Tells each zone's secondaries (RFC 1996 NOTIFY) when a change to it is durable.</summary>
public sealed class NotifyService(ZoneStore store, NotifyOnChange notify) : BackgroundService
{
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
                _ = notify.ZoneChangedAsync(change.Zone, change.Serial, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
