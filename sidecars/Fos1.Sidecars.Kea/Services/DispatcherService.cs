using Fos1.Dns.Dispatch;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Hosting;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>Works the durable outbox until shutdown; what is unfinished then runs again at the next start.</summary>
public sealed class DispatcherService(NameChangeDispatcher dispatcher, OutboxPendingChanges pending) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(pending, stoppingToken);
}
