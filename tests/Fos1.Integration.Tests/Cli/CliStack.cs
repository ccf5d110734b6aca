using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.OperatorCli;

/// <summary>
/// What fos1ctl looks at: real kea-dhcp4 (lease_cmds on its control socket) in a namespace lab, a real BIND with
/// the forward and reverse zones, and the real kea sidecar whose only source is lease_cmds reconciliation (at
/// start-up, then on POST /resync) with its operator endpoint on a free loopback port.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class CliStack : IAsyncDisposable
{
    private CliStack(DhcpLab lab, BindServer bind, KeaDhcpServer kea, KeaSidecarProcess sidecar, string endpoint)
    {
        Lab = lab;
        Bind = bind;
        Kea = kea;
        Sidecar = sidecar;
        Endpoint = endpoint;
    }

    public DhcpLab Lab { get; }

    public BindServer Bind { get; }

    public KeaDhcpServer Kea { get; }

    public KeaSidecarProcess Sidecar { get; }

    /// <summary>The sidecar's Observability:HttpEndpoint, as fos1ctl --endpoint takes it.</summary>
    public string Endpoint { get; }

    /// <summary>What plan and check-config get: the sidecar's own D2 file plus its command-line settings.</summary>
    public string[] ConfigArguments => ["--config", Sidecar.ConfigPath, .. ReconciliationSettings(Kea)];

    private static string[] ReconciliationSettings(KeaDhcpServer kea) => [
        $"--Fos1:Reconciliation:Dhcp4ControlSocket={kea.ControlSocketPath}",
        "--Fos1:Reconciliation:IntervalSeconds=0",
        "--Fos1:Naming:QualifyingSuffix=home.arpa.",
    ];

    public static async Task<CliStack> StartAsync()
    {
        var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        BindServer? bind = null;
        KeaDhcpServer? kea = null;
        try
        {
            bind = await BindServer.StartAsync(new BindServerOptions
            {
                Zones = [new BindZone(DnsStack.ForwardZone), new BindZone(DnsStack.ReverseZone4)],
            });
            kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions { Hooks = [KeaHookLibrary.LeaseCommands] });
            var endpoint = $"127.0.0.1:{FreePort.ForUdpAndTcp()}";
            var sidecar = await KeaSidecarProcess.StartAsync(new KeaDdnsOptions
            {
                Key = bind.Key,
                ForwardDomains = [new KeaDdnsDomain(DnsStack.ForwardZone, [bind.Endpoint])],
                ReverseDomains = [new KeaDdnsDomain(DnsStack.ReverseZone4, [bind.Endpoint])],
            }, [.. ReconciliationSettings(kea), $"--Observability:HttpEndpoint={endpoint}"]);
            return new CliStack(lab, bind, kea, sidecar, endpoint);
        }
        catch
        {
            if (kea is not null)
            {
                await kea.DisposeAsync();
            }

            if (bind is not null)
            {
                await bind.DisposeAsync();
            }

            await lab.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await Kea.DisposeAsync();
        await Bind.DisposeAsync();
        await Lab.DisposeAsync();
    }
}
