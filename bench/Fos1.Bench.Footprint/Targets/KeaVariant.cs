using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Sidecars;

namespace Fos1.Bench.Footprint.Targets;

/// <summary>
/// The kea sidecar sending to a real BIND (forward home.arpa, reverse 10.in-addr.arpa, hmac-sha256), optionally with
/// Kubernetes on (watching DHCPv4/v6 services on the stand-in kube-apiserver). Load: N add-NCRs over UDP at about
/// 1,000/s, done when /status counts them all as NCR events and the outbox is empty.
/// </summary>
public sealed class KeaVariant : IFootprintVariant
{
    private const string ForwardZone = "home.arpa";
    private const string ReverseZone = "10.in-addr.arpa";
    private readonly BindServer _bind;
    private readonly KubernetesFixture? _kubernetes;
    private readonly int _changes;
    private readonly string? _dll;
    private int _starts;

    private KeaVariant(BindServer bind, KubernetesFixture? kubernetes, int changes, string? dll)
    {
        _bind = bind;
        _kubernetes = kubernetes;
        _changes = changes;
        _dll = dll;
    }

    public string Name => _kubernetes is null ? "kea" : "kea + Kubernetes";

    public string Load => $"{_changes} NCRs";

    /// <param name="dll">fos1-kea-sidecar.dll to run; the repository's build when null.</param>
    public static async Task<KeaVariant> StartAsync(bool kubernetes, int changes, string? dll, CancellationToken cancellationToken)
    {
        var bind = await BindServer.StartAsync(
            new BindServerOptions { Zones = [new BindZone(ForwardZone), new BindZone(ReverseZone)], Key = TsigKey.Generate("kea"), StartTimeout = TimeSpan.FromSeconds(60) },
            cancellationToken);
        var fixture = kubernetes ? await KubernetesFixture.StartAsync([DhcpKinds.V4Service, DhcpKinds.V6Service], cancellationToken) : null;
        return new KeaVariant(bind, fixture, changes, dll);
    }

    public async Task<StartedSidecar> StartAsync(string httpArgument, Uri http, CancellationToken cancellationToken)
    {
        IPEndPoint[] servers = [_bind.Endpoint];
        var options = new KeaDdnsOptions
        {
            Key = _bind.Key,
            ForwardDomains = [new KeaDdnsDomain(ForwardZone, servers)],
            ReverseDomains = [new KeaDdnsDomain(ReverseZone, servers)],
            WithControlSocket = false,
            StartTimeout = TimeSpan.FromSeconds(30),
        };
        List<string> arguments = ["--Logging:LogLevel:Default=Warning", .. _kubernetes?.Arguments ?? [], httpArgument];
        var sidecar = await KeaSidecarProcess.StartAsync(options, arguments, _dll, cancellationToken);
        var run = ++_starts;
        return new StartedSidecar(sidecar, () => sidecar.RecentOutput, token => SendAsync(sidecar.Endpoint, http, run, token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_kubernetes is not null)
        {
            await _kubernetes.DisposeAsync();
        }

        await _bind.DisposeAsync();
    }

    private async Task SendAsync(IPEndPoint endpoint, Uri http, int run, CancellationToken cancellationToken)
    {
        var datagrams = Enumerable.Range(0, _changes).Select(i =>
        {
            var fqdn = DnsName.Parse($"host-{i}.f{run}.{ForwardZone}");
            byte[] mac = [0x02, 0xf0, (byte)run, 0, (byte)(i >> 8), (byte)i];
            var dhcid = ClientIdentity.FromHardwareAddress(1, mac).ComputeDhcid(fqdn);
            var address = new IPAddress(new byte[] { 10, (byte)run, (byte)(i >> 8), (byte)i });
            return NameChangeRequestCodec.Encode(new NameChange(NameChangeKind.Add, Forward: true, Reverse: true, fqdn, address, dhcid,
                Ttl: 1200, UseConflictResolution: true, DateTimeOffset.UtcNow.AddHours(1)));
        }).ToList();
        using var http2 = new HttpClient { BaseAddress = http, Timeout = TimeSpan.FromSeconds(5) };
        var before = await NcrEventsAsync(http2, cancellationToken);
        using var socket = new UdpClient(AddressFamily.InterNetwork);

        // Bursts of 20 every 20 ms: about 1,000 NCRs/s, below any loss point measured in bench/Fos1.Bench.Ncr.
        for (var i = 0; i < datagrams.Count; i++)
        {
            await socket.SendAsync(datagrams[i], endpoint, cancellationToken);
            if (i % 20 == 19)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = await http2.GetFromJsonAsync<JsonObject>("/status", cancellationToken)
                ?? throw new InvalidOperationException("/status answered null");
            var pending = status["outbox"]?["pending"]?.GetValue<long>() ?? 0;
            if (await NcrEventsAsync(http2, cancellationToken) - before >= datagrams.Count && pending == 0)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"the kea sidecar did not finish {datagrams.Count} NCRs within 60 s: {status.ToJsonString()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<long> NcrEventsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var status = await http.GetFromJsonAsync<JsonObject>("/status", cancellationToken);
        var ncr = status?["sources"]?.AsArray().FirstOrDefault(source => source?["name"]?.GetValue<string>() == "ncr");
        return ncr?["events"]?.GetValue<long>() ?? 0;
    }
}
