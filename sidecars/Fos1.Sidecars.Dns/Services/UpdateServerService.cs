using Fos1.Dns.Server.Serving;
using Microsoft.Extensions.Hosting;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>Binds the RFC 2136 listener at start-up (a taken port fails the pod) and closes it at shutdown.</summary>
public sealed class UpdateServerService(UpdateServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync().ConfigureAwait(false);
}
