using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Journaling;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// Moves decoded NCRs from the listener's in-memory channel into the durable outbox in batches, so
/// the UDP socket never waits for the disk.
/// </summary>
public sealed partial class NcrIntakeService(Channel<NameChange> received, ChangeIntake intake, ILogger<NcrIntakeService> logger)
    : BackgroundService
{
    private const int MaxBatch = 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<NameChange>(MaxBatch);
        try
        {
            while (await received.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && received.Reader.TryRead(out var change))
                {
                    // Kea reports neither renewals (unless ddns-update-on-renew) nor reclamation through a
                    // schedule of ours: it sends a remove itself when it reclaims the lease. Scheduling
                    // our own expiry from an NCR would delete a renewed client's records.
                    batch.Add(change with { LeaseExpiresOn = null });
                }

                await StoreAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task StoreAsync(List<NameChange> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await intake.AcceptAsync(batch, LeaseSource.Ncr).ConfigureAwait(false);
                return;
            }
            catch (JournalWriteException e)
            {
                // Back-pressure: the batch stays in memory and the channel grows until the disk takes it again.
                LogStoreFailed(e, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 10)), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Error, Message = "Could not store {Count} name changes durably (attempt {Attempt}); retrying")]
    private partial void LogStoreFailed(Exception exception, int count, int attempt);
}
