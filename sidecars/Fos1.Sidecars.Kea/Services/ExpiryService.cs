using Fos1.Ddns.Leases;
using Fos1.Outbox.Expiry;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// Removes a lease's records when its time is up without a renewal, even if Kea never says so:
/// the due removal goes into the outbox first, then the ledger forgets the lease.
/// </summary>
public sealed class ExpiryService(LeaseLedger ledger, ChangeIntake intake, TimeProvider time, ILogger<ExpiryTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = new ExpiryTimer(ledger.Schedule, time, async (due, _) =>
        {
            await intake.AcceptAsync([due.Removal], LeaseSource.Expiry).ConfigureAwait(false);
            await ledger.ExpiredAsync(due).ConfigureAwait(false);
        }, logger);
        try
        {
            await timer.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
