using Fos1.Kea.Memfile;
using Fos1.Sidecars.Kea.Operations;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// Follows one Kea lease file (through LFC rotations) and queues what its rows change. Start-up
/// convergence is reconciliation's job: the rows already in the file are read for position only.
/// </summary>
public sealed class MemfileService(
    string leaseFile, LeaseEventIntake intake, MemfileMetrics metrics, ILogger<MemfileTail> logger, TimeProvider time, LeaseSourceActivity activity)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tail = new MemfileTail(new MemfileTailOptions { LeaseFile = leaseFile }, metrics, logger, time);
        try
        {
            await tail.LoadAsync(stoppingToken).ConfigureAwait(false);
            activity.Up("memfile", $"following {leaseFile}");
            await foreach (var leaseEvent in tail.FollowAsync(stoppingToken).ConfigureAwait(false))
            {
                await intake.AcceptAsync([leaseEvent], stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            activity.Down("memfile", $"stopped following {leaseFile}: {e.Message}");
            throw;
        }
    }
}
