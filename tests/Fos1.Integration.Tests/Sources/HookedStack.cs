using System.Net;
using System.Text.Json.Nodes;
using Fos1.Dns.Transfer;
using Fos1.Integration.Tests.Hooks;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.Sources;

/// <summary>
/// Kea's DDNS client off; the sidecar learns leases only from the shipped run_script hook (and, when
/// asked, lease_cmds reconciliation). Real kea-dhcp4 in a namespace lab, a real BIND, the real
/// sidecar with a state directory that survives its restarts.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class HookedStack : IAsyncDisposable
{
    private readonly SpooledHookScript _hook;
    private readonly string _state;
    private readonly bool _reconcile;
    private readonly int _reconcileEverySeconds;
    private readonly bool _memfile;

    private HookedStack(SpooledHookScript hook, string state, bool reconcile, int reconcileEverySeconds, bool memfile, DhcpLab lab, BindServer bind, KeaDhcpServer kea)
    {
        _hook = hook;
        _state = state;
        _reconcile = reconcile;
        _reconcileEverySeconds = reconcileEverySeconds;
        _memfile = memfile;
        Lab = lab;
        Bind = bind;
        Kea = kea;
    }

    public DhcpLab Lab { get; }

    public BindServer Bind { get; }

    public KeaDhcpServer Kea { get; }

    public KeaSidecarProcess? Sidecar { get; private set; }

    public string Spool => _hook.Spool;

    /// <summary>Convergence asks Kea for its active leases (lease_cmds) instead of reading the lease file (wrong while kea-lfc rotates it).</summary>
    public bool LeasesFromKea { get; set; }

    /// <summary>Prefix the sidecar names hostless leases with (kea-dhcp6 stores no host name with DDNS off).</summary>
    public const string GeneratedPrefix = "myhost";

    /// <param name="memfile">Learn leases by tailing Kea's lease file instead of through the hook.</param>
    /// <param name="customizeKea">Last word on Kea's configuration (the Dhcp4 / Dhcp6 object).</param>
    /// <param name="family">4: kea-dhcp4, 6: kea-dhcp6.</param>
    /// <param name="stateDirectory">The sidecar's state directory (created; deleted at the end); a fresh temporary one when null.</param>
    public static async Task<HookedStack> StartAsync(
        bool reconcile = false, string? staticRecords = null, int validLifetime = 3600, bool memfile = false,
        Action<JsonObject>? customizeKea = null, int family = 4, int reconcileEverySeconds = 0, string? stateDirectory = null)
    {
        var hook = new SpooledHookScript();
        var state = stateDirectory is null ? Directory.CreateTempSubdirectory("fos1-state-").FullName : Directory.CreateDirectory(stateDirectory).FullName;
        var lab = await DhcpLab.CreateAsync(new DhcpLabOptions { WithHostLink = false });
        var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [new BindZone(DnsStack.ForwardZone, staticRecords), new BindZone(DnsStack.ReverseZone4), new BindZone(DnsStack.ReverseZone6)],
        });
        var keaOptions = new KeaDhcpOptions
        {
            ValidLifetime = validLifetime,
            Hooks = memfile ? [KeaHookLibrary.LeaseCommands] : [KeaHookLibrary.RunScript(hook.Script), KeaHookLibrary.LeaseCommands],
            Customize = customizeKea,
        };
        KeaDhcpServer kea = family == 4 ? await KeaDhcp4Server.StartAsync(lab, keaOptions) : await KeaDhcp6Server.StartAsync(lab, keaOptions);
        var stack = new HookedStack(hook, state, reconcile, reconcileEverySeconds, memfile, lab, bind, kea);
        await stack.StartSidecarAsync();
        return stack;
    }

    /// <summary>(Re)starts the sidecar on the same state directory and spool.</summary>
    public async Task StartSidecarAsync()
    {
        List<string> arguments = [$"--Fos1:StateDirectory={_state}", "--Fos1:Naming:QualifyingSuffix=home.arpa."];
        if (Kea.Family == 6)
        {
            // kea-dhcp6 keeps no host name with its DDNS off; kea-dhcp4 names every lease itself.
            arguments.Add($"--Fos1:Naming:GeneratedPrefix={GeneratedPrefix}");
        }

        arguments.AddRange(_memfile
            ? [$"--Fos1:Memfile:LeaseFile{Kea.Family}={Kea.LeaseFile}"]
            : [$"--Fos1:HookSpool:Directory={Spool}", "--Fos1:HookSpool:RescanSeconds=1"]);
        if (_reconcile)
        {
            arguments.Add($"--Fos1:Reconciliation:Dhcp{Kea.Family}ControlSocket={Kea.ControlSocketPath}");
            arguments.Add($"--Fos1:Reconciliation:IntervalSeconds={_reconcileEverySeconds}");
        }

        Sidecar = await KeaSidecarProcess.StartAsync(new KeaDdnsOptions
        {
            Key = Bind.Key,
            ForwardDomains = [new KeaDdnsDomain(DnsStack.ForwardZone, [Bind.Endpoint])],
            ReverseDomains = [new KeaDdnsDomain(DnsStack.ReverseZone4, [Bind.Endpoint]), new KeaDdnsDomain(DnsStack.ReverseZone6, [Bind.Endpoint])],
        }, arguments);
    }

    /// <summary>SIGKILL, as a crashing pod; the state directory stays.</summary>
    public async Task KillSidecarAsync()
    {
        await Sidecar!.KillAsync();
        await Sidecar.DisposeAsync();
        Sidecar = null;
    }

    /// <summary>
    /// Polls until DNS holds exactly the records of Kea's active leases: an A and a PTR for each,
    /// no lease-owned (DHCID) name without a lease. <paramref name="exempt"/> names are skipped (static records).
    /// </summary>
    public async Task WaitForConvergenceAsync(TimeSpan deadline, params string[] exempt)
    {
        var transfer = new ZoneTransferClient();
        string difference = "";
        await Poll.UntilAsync(async ct =>
        {
            var leases = (LeasesFromKea ? await KeaActiveLeases.ReadAsync(Kea, ct) : await Kea.ReadLeasesAsync(ct)).Select(l => (Name: ExpectedName(l), l.Address)).Where(l => !exempt.Contains(l.Name)).ToList();
            var reverseZone = Ddns.DnsName.Parse(Kea.Family == 4 ? DnsStack.ReverseZone4 : DnsStack.ReverseZone6);
            var forward = await transfer.TransferAsync(Bind.Endpoint, Ddns.DnsName.Parse(DnsStack.ForwardZone), cancellationToken: ct);
            var reverse = await transfer.TransferAsync(Bind.Endpoint, reverseZone, cancellationToken: ct);
            var owned = forward.ByOwner().Where(o => o.Any(r => r.Type == (ushort)Ddns.Records.RecordType.Dhcid)).ToList();
            var want = leases.Select(l => $"{l.Name} {l.Address}").Order(StringComparer.Ordinal).ToList();
            var haveA = owned.SelectMany(o => o.Where(r => r.Data is Ddns.Records.AddressData).Select(r => $"{o.Key.Text} {((Ddns.Records.AddressData)r.Data!).Address}"))
                .Order(StringComparer.Ordinal).ToList();
            var havePtr = reverse.Records.Where(r => r.Data is Ddns.Records.PtrData)
                .Select(r => $"{((Ddns.Records.PtrData)r.Data!).Target.Text} {r.Name.Text}")
                .Order(StringComparer.Ordinal).ToList();
            var wantPtr = leases.Select(l => $"{l.Name} {Ddns.ReverseName.For(l.Address).Text}").Order(StringComparer.Ordinal).ToList();
            difference = $"{want.Count} leases, {haveA.Count} owned A/AAAA records, {havePtr.Count} PTRs; " +
                $"missing A: {string.Join(", ", want.Except(haveA).Take(5))}; extra A: {string.Join(", ", haveA.Except(want).Take(5))}; " +
                $"missing PTR: {string.Join(", ", wantPtr.Except(havePtr).Take(5))}; extra PTR: {string.Join(", ", havePtr.Except(wantPtr).Take(5))}";
            return want.SequenceEqual(haveA) && wantPtr.SequenceEqual(havePtr);
        }, deadline, "DNS to hold exactly the records of Kea's active leases", () => difference + Environment.NewLine + Sidecar?.RecentOutput);
    }

    /// <summary>Kea's stored name (qualified by Kea), or the one the sidecar generates for a hostless lease.</summary>
    private static string ExpectedName(MemfileLease lease) => lease.Hostname.Length > 0
        ? lease.Hostname.TrimEnd('.')
        : $"{GeneratedPrefix}-{lease.Address.ToString().Replace('.', '-').Replace(':', '-')}.{DnsStack.ForwardZone}";

    public async ValueTask DisposeAsync()
    {
        if (Sidecar is not null)
        {
            await Sidecar.DisposeAsync();
        }

        await Kea.DisposeAsync();
        await Bind.DisposeAsync();
        await Lab.DisposeAsync();
        _hook.Dispose();
        Directory.Delete(_state, recursive: true);
    }
}
