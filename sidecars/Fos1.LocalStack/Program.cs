using Fos1.LocalStack;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

// The README's main job: real Kea hands out leases to perfdhcp clients in private network namespaces,
// sends NameChangeRequests to the real kea sidecar, which updates a real BIND; we show what dig answers.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var v4Clients = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 6;
var v6Clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4;

try
{
    Step("creating network namespaces (server + client, joined by a veth; a host link carries Kea's NCRs out)");
    await using var lab = await DhcpLab.CreateAsync(cancellationToken: ct);
    Console.WriteLine($"  namespaces {lab.Server.Name} / {lab.Client.Name}; host link {lab.HostLink!.HostAddress}");

    Step("starting BIND (named) with TSIG key and zones home.arpa, 2.0.192.in-addr.arpa, 1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    await using var bind = await BindServer.StartAsync(new BindServerOptions
    {
        Zones = [new BindZone("home.arpa", "router 3600 IN A 192.0.2.1"), new BindZone("2.0.192.in-addr.arpa"), new BindZone("1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa")],
    }, ct);
    Console.WriteLine($"  named on {bind.Endpoint}, key {bind.Key.Name} ({bind.Key.Algorithm})");

    Step("starting the kea sidecar from a kea-dhcp-ddns.conf (the file D2 would use)");
    await using var sidecar = await KeaSidecarProcess.StartAsync(new KeaDdnsOptions
    {
        Key = bind.Key,
        ListenAddress = lab.HostLink.HostAddress,
        ForwardDomains = [new KeaDdnsDomain("home.arpa", [bind.Endpoint])],
        ReverseDomains = [new KeaDdnsDomain("2.0.192.in-addr.arpa", [bind.Endpoint]), new KeaDdnsDomain("1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", [bind.Endpoint])],
    }, cancellationToken: ct);
    Console.WriteLine($"  fos1-kea-sidecar (pid {sidecar.ProcessId}) listening for NCRs on udp/{sidecar.Endpoint}");
    var log = new SidecarLog(sidecar);

    Step("starting kea-dhcp4 and kea-dhcp6 in the server namespace, DDNS pointed at the sidecar");
    var keaOptions = new KeaDhcpOptions { NcrReceiver = sidecar.Endpoint, ValidLifetime = 3600, Hooks = [KeaHookLibrary.LeaseCommands] };
    await using var kea4 = await KeaDhcp4Server.StartAsync(lab, keaOptions, ct);
    await using var kea6 = await KeaDhcp6Server.StartAsync(lab, keaOptions, ct);

    Step($"perfdhcp: {v4Clients} DHCPv4 and {v6Clients} DHCPv6 clients get leases");
    await Perfdhcp.RunDhcp4Async(lab, new PerfdhcpOptions { Exchanges = v4Clients, Clients = v4Clients }, ct);
    await Perfdhcp.RunDhcp6Async(lab, new PerfdhcpOptions { Exchanges = v6Clients, Clients = v6Clients }, ct);
    var leases4 = await kea4.ReadLeasesAsync(ct);
    var leases6 = await kea6.ReadLeasesAsync(ct);
    await Poll.UntilAsync(() => log.Finished >= leases4.Count + leases6.Count, TimeSpan.FromSeconds(20),
        "the sidecar to finish every add", () => sidecar.RecentOutput, ct);
    log.PrintNew();
    await PrintTableAsync("what DNS answers for every lease", leases4, leases6, bind, ct);

    var released4 = leases4.Take(Math.Min(2, leases4.Count)).ToList();
    var released6 = leases6.Take(Math.Min(1, leases6.Count)).ToList();
    Step($"releasing {released4.Count + released6.Count} leases (lease4-del/lease6-del with update-ddns: Kea sends remove NCRs)");
    foreach (var lease in released4)
    {
        await kea4.DeleteLeaseAsync(lease.Address, updateDdns: true, ct);
    }

    foreach (var lease in released6)
    {
        await kea6.DeleteLeaseAsync(lease.Address, updateDdns: true, ct);
    }

    var expected = leases4.Count + leases6.Count + released4.Count + released6.Count;
    await Poll.UntilAsync(() => log.Finished >= expected, TimeSpan.FromSeconds(20), "the sidecar to finish every remove", () => sidecar.RecentOutput, ct);
    log.PrintNew();
    await PrintTableAsync("released leases: their records are gone", released4, released6, bind, ct);
    Step("done; stopping everything and deleting the namespaces");
    return 0;
}
catch (MissingToolException e)
{
    Console.Error.WriteLine($"fos1-local-stack: {e.Message}");
    return 3;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("fos1-local-stack: interrupted; cleaned up");
    return 130;
}

static void Step(string text) => Console.WriteLine($"{Environment.NewLine}==> {text}");

static async Task PrintTableAsync(string title, IReadOnlyList<MemfileLease> v4, IReadOnlyList<MemfileLease> v6, BindServer bind, CancellationToken ct)
{
    Step(title);
    var rows = new List<IReadOnlyList<string>>();
    foreach (var lease in v4)
    {
        rows.Add((await LeaseView.ReadAsync("v4", lease, bind, ct)).Cells);
    }

    foreach (var lease in v6)
    {
        rows.Add((await LeaseView.ReadAsync("v6", lease, bind, ct)).Cells);
    }

    ConsoleTable.Print(LeaseView.Header, rows);
}
