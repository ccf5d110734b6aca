using System.Diagnostics;
using System.Text.Json.Nodes;
using Fos1.Ddns;
using Fos1.Ddns.Records;
using Fos1.Dns.Transfer;
using Fos1.Testbed;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Reliability.Faults;

/// <summary>
/// Real kea-dhcp4 (namespace lab, the shipped run_script hook, lease_cmds, a relayed 10.20.0.0/16 subnet so that
/// thousands of leases fit), a real BIND and the real kea sidecar with a state directory that survives its restarts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FaultLab : IAsyncDisposable
{
    public const string ForwardZone = "home.arpa";
    public const string ReverseZone = "20.10.in-addr.arpa";
    private const string ShippedSpoolLine = "SPOOL_DIR=/var/lib/kea/fos1-spool\n";
    private readonly string _hookDirectory;
    private readonly string _state;
    private readonly bool _ownsState;
    private readonly bool _tailLeaseFile;

    private FaultLab(string hookDirectory, string state, bool ownsState, bool tailLeaseFile, DhcpLab lab, BindServer bind, KeaDhcpServer kea)
    {
        _hookDirectory = hookDirectory;
        _state = state;
        _ownsState = ownsState;
        _tailLeaseFile = tailLeaseFile;
        Lab = lab;
        Bind = bind;
        Kea = kea;
    }

    public DhcpLab Lab { get; }

    public BindServer Bind { get; }

    /// <summary>The first kea-dhcp4; after <see cref="RestartKeaAsync"/> its directory, lease file and socket serve the new one.</summary>
    public KeaDhcpServer Kea { get; }

    public KeaDhcpRestart? RestartedKea { get; private set; }

    public KeaSidecarProcess? Sidecar { get; private set; }

    public string Spool => Path.Combine(_hookDirectory, "spool");

    /// <param name="tailLeaseFile">Learn leases by tailing Kea's lease file (no run_script hook) instead of through the hook spool.</param>
    public static async Task<FaultLab> StartAsync(
        string? stateDirectory = null, Action<JsonObject>? customizeKea = null, bool tailLeaseFile = false, CancellationToken cancellationToken = default)
    {
        var hookDirectory = Directory.CreateTempSubdirectory("fos1-hook-").FullName;
        var script = Path.Combine(hookDirectory, "fos1-lease-hook.sh");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "kea-config", "hooks", "fos1-lease-hook.sh"), cancellationToken);
        await File.WriteAllTextAsync(script, shipped.Replace(ShippedSpoolLine, $"SPOOL_DIR={Path.Combine(hookDirectory, "spool")}\n", StringComparison.Ordinal), cancellationToken);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var state = stateDirectory ?? Directory.CreateTempSubdirectory("fos1-state-").FullName;
        Directory.CreateDirectory(state);

        var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false }, cancellationToken);
        var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(ForwardZone), new BindZone(ReverseZone)],
            StartTimeout = TimeSpan.FromSeconds(60),
        }, cancellationToken);
        var kea = await KeaDhcp4Server.StartAsync(lab, new KeaDhcpOptions
        {
            Hooks = tailLeaseFile ? [KeaHookLibrary.LeaseCommands] : [KeaHookLibrary.RunScript(script), KeaHookLibrary.LeaseCommands],
            Customize = dhcp4 =>
            {
                // perfdhcp -4 acts as a relay with giaddr 192.0.2.2: select a /16 by relay address.
                dhcp4["subnet4"] = new JsonArray(new JsonObject
                {
                    ["id"] = 1,
                    ["subnet"] = "10.20.0.0/16",
                    ["pools"] = new JsonArray(new JsonObject { ["pool"] = "10.20.0.10 - 10.20.63.250" }),
                    ["relay"] = new JsonObject { ["ip-addresses"] = new JsonArray(DhcpLab.ClientAddress4.ToString()) },
                });
                customizeKea?.Invoke(dhcp4);
            },
        }, cancellationToken);
        var stack = new FaultLab(hookDirectory, state, stateDirectory is null, tailLeaseFile, lab, bind, kea);
        await stack.StartSidecarAsync(cancellationToken);
        return stack;
    }

    public async Task StartSidecarAsync(CancellationToken cancellationToken = default)
    {
        Sidecar = await KeaSidecarProcess.StartAsync(new KeaDdnsOptions
        {
            Key = Bind.Key,
            ForwardDomains = [new KeaDdnsDomain(ForwardZone, [Bind.Endpoint])],
            ReverseDomains = [new KeaDdnsDomain(ReverseZone, [Bind.Endpoint])],
        }, [$"--Fos1:StateDirectory={_state}", "--Fos1:Naming:QualifyingSuffix=home.arpa.",
            .. _tailLeaseFile ? [$"--Fos1:Memfile:LeaseFile4={Kea.LeaseFile}"] : new[] { $"--Fos1:HookSpool:Directory={Spool}", "--Fos1:HookSpool:RescanSeconds=1" },
            $"--Fos1:Reconciliation:Dhcp4ControlSocket={Kea.ControlSocketPath}", "--Fos1:Reconciliation:IntervalSeconds=30"], cancellationToken: cancellationToken);
    }

    /// <summary>SIGKILL, as a crashing pod; the state directory stays.</summary>
    public async Task KillSidecarAsync()
    {
        await Sidecar!.KillAsync();
        await Sidecar.DisposeAsync();
        Sidecar = null;
    }

    /// <summary>Kea's <c>shutdown</c> command, then kea-dhcp4 again on the same configuration, lease file and socket.</summary>
    public async Task RestartKeaAsync(CancellationToken cancellationToken = default)
    {
        await Kea.SendCommandAsync("shutdown", null, cancellationToken);
        await Poll.UntilAsync(() => !Kea.IsRunning, TimeSpan.FromSeconds(30), "kea-dhcp4 to exit", () => Kea.RecentOutput, cancellationToken);
        RestartedKea = await KeaDhcpRestart.StartAsync(Kea, Lab, TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>Polls until DNS holds exactly the records of Kea's active leases, or the deadline; then counts.</summary>
    public async Task<ConvergenceFigures> MeasureConvergenceAsync(TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var transfer = new ZoneTransferClient();
        while (true)
        {
            var leases = (await KeaActiveLeases.ReadAsync(Kea, cancellationToken))
                .Select(l => (Name: l.Hostname.TrimEnd('.'), Address: l.Address.ToString())).ToList();
            var forward = await transfer.TransferAsync(Bind.Endpoint, DnsName.Parse(ForwardZone), cancellationToken: cancellationToken);
            var reverse = await transfer.TransferAsync(Bind.Endpoint, DnsName.Parse(ReverseZone), cancellationToken: cancellationToken);
            var haveA = forward.ByOwner().Where(o => o.Any(r => r.Type == (ushort)RecordType.Dhcid))
                .SelectMany(o => o.Where(r => r.Data is AddressData).Select(r => (Name: o.Key.Text.TrimEnd('.'), Address: ((AddressData)r.Data!).Address.ToString())))
                .ToList();
            var havePtr = reverse.Records.Where(r => r.Data is PtrData)
                .Select(r => (Name: ((PtrData)r.Data!).Target.Text.TrimEnd('.'), Reverse: r.Name.Text.TrimEnd('.'))).ToList();
            var wantA = leases.ToHashSet();
            var wantPtr = leases.Select(l => (l.Name, Reverse: ReverseName.For(System.Net.IPAddress.Parse(l.Address)).Text.TrimEnd('.'))).ToHashSet();
            var lost = leases.Count(l => !haveA.Contains(l) || !havePtr.Contains((l.Name, ReverseName.For(System.Net.IPAddress.Parse(l.Address)).Text.TrimEnd('.'))));
            var stale = haveA.Distinct().Count(a => !wantA.Contains(a)) + havePtr.Distinct().Count(p => !wantPtr.Contains(p));
            var duplicates = haveA.GroupBy(a => a.Name).Count(g => g.Count() > 1) + havePtr.GroupBy(p => p.Reverse).Count(g => g.Count() > 1);
            var difference = $"missing: {string.Join(", ", leases.Where(l => !haveA.Contains(l)).Take(3))}; " +
                $"stale A: {string.Join(", ", haveA.Where(a => !wantA.Contains(a)).Take(3))}; stale PTR: {string.Join(", ", havePtr.Where(p => !wantPtr.Contains(p)).Take(3))}";
            if (lost == 0 && stale == 0 && duplicates == 0)
            {
                return new ConvergenceFigures(leases.Count, 0, 0, 0, started.Elapsed, "");
            }

            if (started.Elapsed > deadline)
            {
                return new ConvergenceFigures(leases.Count, lost, stale, duplicates, null, difference);
            }

            // Each round is two AXFRs and a lease dump: a short pause keeps the measuring from loading the machine.
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Sidecar is not null)
        {
            await Sidecar.DisposeAsync();
        }

        if (RestartedKea is not null)
        {
            await RestartedKea.DisposeAsync();
        }

        await Kea.DisposeAsync();
        await Bind.DisposeAsync();
        await Lab.DisposeAsync();
        Directory.Delete(_hookDirectory, recursive: true);
        if (_ownsState)
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
