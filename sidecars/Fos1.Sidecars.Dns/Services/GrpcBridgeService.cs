using System.Net;
using Fos1.Dns.Publishing.Grpc;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>Serves coredns.dns.DnsService/Query from the store's snapshots for CoreDNS's grpc plugin.</summary>
public sealed class GrpcBridgeService(IOptions<DnsSidecarOptions> options, StoreAdapters snapshots, ServingState state, ILoggerFactory loggers) : IHostedService
{
    private GrpcDnsEndpoint? _endpoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.GrpcEndpoint is { Length: > 0 } grpc)
        {
            _endpoint = await GrpcDnsEndpoint.StartAsync(IPEndPoint.Parse(grpc), snapshots, loggers, cancellationToken).ConfigureAwait(false);
            state.GrpcBridgeBound(grpc);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync().ConfigureAwait(false);
        }
    }
}
