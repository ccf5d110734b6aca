using System.Net;
using Fos1.Kea.Ncr;
using Fos1.Ddns.Leases;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Infrastructure;

/// <summary>A real BIND with forward and reverse zones for the test networks, and the real kea sidecar in front of it.</summary>
internal sealed class DnsStack : IAsyncDisposable
{
    public const string ForwardZone = "home.arpa";
    public const string ReverseZone4 = "2.0.192.in-addr.arpa";
    public const string ReverseZone6 = "1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";

    private DnsStack(BindServer bind, KeaSidecarProcess sidecar)
    {
        Bind = bind;
        Sidecar = sidecar;
    }

    public BindServer Bind { get; }

    public KeaSidecarProcess Sidecar { get; }

    public static async Task<DnsStack> StartAsync(string? staticForwardRecords = null, IPAddress? ncrAddress = null)
    {
        var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(ForwardZone, staticForwardRecords), new BindZone(ReverseZone4), new BindZone(ReverseZone6)],
        });
        try
        {
            var sidecar = await KeaSidecarProcess.StartAsync(D2Options(bind, ncrAddress ?? IPAddress.Loopback));
            return new DnsStack(bind, sidecar);
        }
        catch
        {
            await bind.DisposeAsync();
            throw;
        }
    }

    /// <summary>The kea-dhcp-ddns.conf shape both D2 and the sidecar are started from.</summary>
    public static KeaDdnsOptions D2Options(BindServer bind, IPAddress listen) => new()
    {
        Key = bind.Key,
        ListenAddress = listen,
        ForwardDomains = [new KeaDdnsDomain(ForwardZone, [bind.Endpoint])],
        ReverseDomains = [new KeaDdnsDomain(ReverseZone4, [bind.Endpoint]), new KeaDdnsDomain(ReverseZone6, [bind.Endpoint])],
    };

    public Task SendAsync(NameChange change) => SendAsync(NameChangeRequestCodec.Encode(change));

    public async Task SendAsync(byte[] datagram)
    {
        using var udp = new System.Net.Sockets.UdpClient(Sidecar.Endpoint.AddressFamily);
        await udp.SendAsync(datagram, Sidecar.Endpoint);
    }

    /// <summary>Polls BIND until <paramref name="name"/>/<paramref name="type"/> answers exactly <paramref name="expected"/>.</summary>
    public Task WaitForAsync(string name, string type, params string[] expected) =>
        WaitForAsync(Bind, name, type, expected, Sidecar.RecentOutput);

    public static async Task WaitForAsync(BindServer bind, string name, string type, string[] expected, string diagnostics = "")
    {
        var sorted = expected.Order(StringComparer.Ordinal).ToArray();
        IReadOnlyList<string> last = [];
        await Poll.UntilAsync(
            async ct => (last = await bind.QueryAsync(name, type, ct)).Order(StringComparer.Ordinal).SequenceEqual(sorted),
            TimeSpan.FromSeconds(15),
            $"{name} {type} = [{string.Join(", ", sorted)}]",
            () => $"BIND answered [{string.Join(", ", last)}]{Environment.NewLine}{diagnostics}");
    }

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await Bind.DisposeAsync();
    }
}
