using Fos1.Kea.Hooks;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Operations;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>Consumes fos1-lease-hook.sh's spool: each file is deleted only after its changes are durable.</summary>
public sealed class HookSpoolService(
    IOptions<HookSpoolSourceOptions> options,
    LeaseEventIntake intake,
    HookSpoolMetrics metrics,
    ILogger<HookSpoolWatcher> logger,
    TimeProvider time,
    LeaseSourceActivity activity) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var spool = new HookSpoolOptions
        {
            Directory = options.Value.Directory!,
            RescanInterval = TimeSpan.FromSeconds(options.Value.RescanSeconds),
        };
        try
        {
            using var watcher = new HookSpoolWatcher(spool, intake.AcceptAsync, metrics, logger, time);
            activity.Up("hooks", $"watching {spool.Directory}");
            await watcher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            activity.Down("hooks", $"stopped watching {spool.Directory}: {e.Message}");
            throw;
        }
    }
}
