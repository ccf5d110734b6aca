using System.Net;
using System.Net.Sockets;
using Fos1.Observability.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fos1.Observability.Tests.Endpoint;

/// <summary>A bare host with the observability endpoint on a free loopback port, as a sidecar composes it.</summary>
internal sealed class EndpointHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EndpointHost(IHost host, Uri baseAddress)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<EndpointHost> StartAsync(params IReadinessCheck[] checks)
    {
        var port = FreeTcpPort();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.AddSidecarObservability("test", $"127.0.0.1:{port}");
        foreach (var check in checks)
        {
            builder.Services.AddSingleton(check);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new EndpointHost(host, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
