using System.Net;
using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>Binds the NCR socket at start-up (so a taken port fails the pod) and drains it.</summary>
public sealed class NcrListenerService(
    IOptions<DhcpDdnsOptions> options,
    Channel<NameChange> changes,
    NcrMetrics metrics,
    ILogger<NcrUdpListener> logger,
    LeaseSourceActivity activity) : BackgroundService
{
    private NcrUdpListener? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(options.Value.IpAddress), options.Value.Port);
        _listener = NcrUdpListener.Bind(endpoint, changes.Writer, metrics, logger);
        activity.Up("ncr", $"listening on {endpoint}");
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _listener!.RunAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }
    }
}
