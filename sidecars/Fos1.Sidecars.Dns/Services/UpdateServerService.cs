using Fos1.Dns.Server.Serving;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>Binds the RFC 2136 listener at start-up (a taken port fails the pod) and closes it at shutdown.</summary>
public sealed class UpdateServerService(UpdateServer server, ServingState state, IOptions<DnsSidecarOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.Start();
        state.UpdateListenerBound(options.Value.UpdateEndpoint);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync().ConfigureAwait(false);
}
