using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Publishing.Grpc;

/// <summary>
/// Kestrel serving <see cref="DnsGrpcService"/> over cleartext HTTP/2 (h2c, prior knowledge): CoreDNS's
/// grpc plugin dials plaintext unless a <c>tls</c> line is configured, and the endpoint sits on loopback
/// inside the pod.
/// </summary>
public sealed class GrpcDnsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcDnsEndpoint(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The address actually bound (the real port when port 0 was asked for).</summary>
    public IPEndPoint Endpoint { get; }

    public static async Task<GrpcDnsEndpoint> StartAsync(
        IPEndPoint endpoint, IZoneSnapshots snapshots, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(snapshots);
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.MapGrpcService<DnsGrpcService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Urls.Select(url => new Uri(url)).Select(uri => new IPEndPoint(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port)).First();
        return new GrpcDnsEndpoint(app, bound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
