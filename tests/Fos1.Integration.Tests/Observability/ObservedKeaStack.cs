using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Kea.Ncr;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Observability;

/// <summary>A real BIND and the real kea sidecar with its observability endpoint on a free port.</summary>
internal sealed class ObservedKeaStack : IAsyncDisposable
{
    private ObservedKeaStack(BindServer bind, KeaSidecarProcess sidecar, SidecarHttp http)
    {
        Bind = bind;
        Sidecar = sidecar;
        Http = http;
    }

    public BindServer Bind { get; }

    public KeaSidecarProcess Sidecar { get; }

    public SidecarHttp Http { get; }

    public static async Task<ObservedKeaStack> StartAsync(params string[] extraArguments)
    {
        var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(DnsStack.ForwardZone), new BindZone(DnsStack.ReverseZone4), new BindZone(DnsStack.ReverseZone6)],
        });
        var http = new SidecarHttp();
        try
        {
            var sidecar = await KeaSidecarProcess.StartAsync(DnsStack.D2Options(bind, IPAddress.Loopback), [http.Argument, .. extraArguments]);
            return new ObservedKeaStack(bind, sidecar, http);
        }
        catch
        {
            http.Dispose();
            await bind.DisposeAsync();
            throw;
        }
    }

    public Task SendAsync(NameChange change) => SendAsync(NameChangeRequestCodec.Encode(change));

    public async Task SendAsync(byte[] datagram)
    {
        using var udp = new System.Net.Sockets.UdpClient(Sidecar.Endpoint.AddressFamily);
        await udp.SendAsync(datagram, Sidecar.Endpoint);
    }

    public Task WaitForAsync(string name, string type, params string[] expected) =>
        DnsStack.WaitForAsync(Bind, name, type, expected, Sidecar.RecentOutput);

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await Bind.DisposeAsync();
        Http.Dispose();
    }
}
