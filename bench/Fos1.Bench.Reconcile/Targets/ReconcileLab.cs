using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fos1.Bench.Reconcile.Workload;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Bench.Reconcile.Targets;

/// <summary>
/// kea-dhcp4 (lease_cmds, memfile pre-written with the workload's leases, subnet 10.64.0.0/10) in a lab namespace, the
/// real kea sidecar reconciling against its control socket, and BIND (home.arpa, 10.in-addr.arpa, pre-generated) on
/// 127.0.0.1. The sidecar starts while BIND is still down, so its start-up reconciliation fails at the first AXFR and
/// changes nothing; the measured run is the one POST /resync asks for once BIND is up.
/// </summary>
public sealed class ReconcileLab : IAsyncDisposable
{
    private readonly DhcpLab _lab;
    private readonly KeaDhcp4Server _kea;
    private readonly KeaSidecarProcess _sidecar;
    private readonly BindServer _bind;

    private ReconcileLab(DhcpLab lab, KeaDhcp4Server kea, KeaSidecarProcess sidecar, BindServer bind, HttpClient http)
    {
        _lab = lab;
        _kea = kea;
        _sidecar = sidecar;
        _bind = bind;
        Http = http;
    }

    /// <summary>The sidecar's observability endpoint (/resync, /status, /metrics).</summary>
    public HttpClient Http { get; }

    public IPEndPoint Bind => _bind.Endpoint;

    public int SidecarProcessId => _sidecar.ProcessId;

    public string SidecarOutput => _sidecar.RecentOutput;

    public static async Task<ReconcileLab> StartAsync(ReconcileWorkload workload, ReconcileOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false }, cancellationToken);
        KeaDhcp4Server? kea = null;
        KeaSidecarProcess? sidecar = null;
        HttpClient? http = null;
        try
        {
            kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
            {
                Hooks = [KeaHookLibrary.LeaseCommands],
                ValidLifetime = (int)ReconcileWorkload.ValidLifetime,
                Customize = WideSubnet,
                PrepareLeaseFile = (path, token) => MemfileLeaseWriter.WriteAsync(path, workload.Leases, token),
                StartTimeout = TimeSpan.FromMinutes(2),
            }, cancellationToken);
            log($"kea-dhcp4 loaded {workload.Leases.Count} leases");

            var key = TsigKey.Generate("kea");
            var bindPort = FreePort.ForUdpAndTcp();
            IPEndPoint[] servers = [new IPEndPoint(IPAddress.Loopback, bindPort)];
            var httpPort = FreePort.ForUdpAndTcp();
            sidecar = await KeaSidecarProcess.StartAsync(
                new KeaDdnsOptions
                {
                    Key = key,
                    ForwardDomains = [new KeaDdnsDomain(ReconcileWorkload.ForwardZone, servers)],
                    ReverseDomains = [new KeaDdnsDomain(ReconcileWorkload.ReverseZone, servers)],
                    WithControlSocket = false,
                    StartTimeout = TimeSpan.FromSeconds(30),
                },
                [
                    "--Logging:LogLevel:Default=Warning",
                    $"--Fos1:Reconciliation:Dhcp4ControlSocket={kea.ControlSocketPath}",
                    "--Fos1:Reconciliation:IntervalSeconds=0",
                    string.Create(CultureInfo.InvariantCulture, $"--Fos1:Reconciliation:PageSize={options.PageSize}"),
                    $"--Fos1:Naming:QualifyingSuffix={ReconcileWorkload.ForwardZone}.",
                    string.Create(CultureInfo.InvariantCulture, $"--Observability:HttpEndpoint=127.0.0.1:{httpPort}"),
                ],
                options.KeaDll,
                cancellationToken);
            http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromMinutes(10) };
            await StartUpRunFailedAsync(http, sidecar, cancellationToken);
            log("the sidecar's start-up reconciliation failed as intended (BIND down)");

            var bind = await BindServer.StartAsync(
                new BindServerOptions
                {
                    Zones = [new BindZone(ReconcileWorkload.ForwardZone, workload.ForwardZoneRecords), new BindZone(ReconcileWorkload.ReverseZone, workload.ReverseZoneRecords)],
                    Key = key,
                    Port = bindPort,
                    StartTimeout = TimeSpan.FromMinutes(3),
                },
                cancellationToken);
            log($"BIND loaded {workload.OwnedNames} owned names at {bind.Endpoint}");
            return new ReconcileLab(lab, kea, sidecar, bind, http);
        }
        catch
        {
            http?.Dispose();
            if (sidecar is not null)
            {
                await sidecar.DisposeAsync();
            }

            if (kea is not null)
            {
                await kea.DisposeAsync();
            }

            await lab.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _sidecar.DisposeAsync();
        await _bind.DisposeAsync();
        await _kea.DisposeAsync();
        await _lab.DisposeAsync();
    }

    private static void WideSubnet(JsonObject dhcp4)
    {
        var subnet = dhcp4["subnet4"]![0]!.AsObject();
        subnet["subnet"] = "10.64.0.0/10";
        subnet["pools"] = new JsonArray(new JsonObject { ["pool"] = "10.64.0.1 - 10.127.255.254" });
    }

    private static async Task StartUpRunFailedAsync(HttpClient http, KeaSidecarProcess sidecar, CancellationToken cancellationToken)
    {
        await Poll.UntilAsync(async token =>
        {
            try
            {
                var status = await http.GetFromJsonAsync<JsonObject>(new Uri("/status", UriKind.Relative), token);
                var source = status?["sources"]?.AsArray().FirstOrDefault(s => s?["name"]?.GetValue<string>() == "reconciliation");
                return source?["lastError"] is not null || !sidecar.IsRunning;
            }
            catch (HttpRequestException)
            {
                return !sidecar.IsRunning;
            }
        }, TimeSpan.FromSeconds(60), "the sidecar's start-up reconciliation to fail", () => sidecar.RecentOutput, cancellationToken);
        if (!sidecar.IsRunning)
        {
            throw new InvalidOperationException($"the kea sidecar exited: {sidecar.RecentOutput}");
        }
    }
}
