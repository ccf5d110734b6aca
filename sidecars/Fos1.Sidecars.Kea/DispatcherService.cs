using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Dns.Dispatch;
using Microsoft.Extensions.Hosting;

namespace Fos1.Sidecars.Kea;

/// <summary>Feeds every received name change to the dispatcher until shutdown.</summary>
public sealed class DispatcherService(NameChangeDispatcher dispatcher, Channel<NameChange> changes) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(changes.Reader, stoppingToken);
}
