using System.Net;
using Fos1.Crds.Dns;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Sidecars;
using Microsoft.Extensions.Logging.Abstractions;
using SenderKey = Fos1.Dns.Tsig.TsigKey;

namespace Fos1.Bench.Footprint.Targets;

/// <summary>
/// The dns sidecar serving home.arpa and 10.in-addr.arpa, optionally with Kubernetes on (DNSZone/PTRZone controllers
/// and leader election against the stand-in kube-apiserver). Load: N RFC 4703 ForwardAdd UPDATEs (A + DHCID, TSIG
/// hmac-sha256) built by the repository's own planner and sender, 16 in flight, each answered before the load ends.
/// </summary>
public sealed class DnsVariant : IFootprintVariant
{
    private const int InFlight = 16;
    private static readonly DnsName Zone = DnsName.Parse("home.arpa");
    private readonly KubernetesFixture? _kubernetes;
    private readonly int _changes;
    private readonly TsigKey _key = TsigKey.Generate("kea");
    private int _starts;

    private DnsVariant(KubernetesFixture? kubernetes, int changes)
    {
        _kubernetes = kubernetes;
        _changes = changes;
    }

    public string Name => _kubernetes is null ? "dns" : "dns + Kubernetes";

    public string Load => $"{_changes} UPDATEs";

    public static async Task<DnsVariant> StartAsync(bool kubernetes, int changes, CancellationToken cancellationToken) =>
        new(kubernetes ? await KubernetesFixture.StartAsync([DnsKinds.Zone, DnsKinds.PtrZone], cancellationToken) : null, changes);

    public async Task<StartedSidecar> StartAsync(string httpArgument, Uri http, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--Logging:LogLevel:Default=Warning", .. _kubernetes?.Arguments ?? [], httpArgument];
        var sidecar = await DnsSidecarProcess.StartAsync(["home.arpa", "10.in-addr.arpa"], _key, extraArguments: arguments,
            environment: new Dictionary<string, string?> { ["POD_NAME"] = "dns-0" }, cancellationToken: cancellationToken);
        var run = ++_starts;
        return new StartedSidecar(sidecar, () => sidecar.RecentOutput, token => SendAsync(sidecar.UpdateEndpoint, run, token));
    }

    public ValueTask DisposeAsync() => _kubernetes?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task SendAsync(IPEndPoint endpoint, int run, CancellationToken cancellationToken)
    {
        var plans = Enumerable.Range(0, _changes).Select(i =>
        {
            var fqdn = DnsName.Parse($"h{i}.f{run}.{Zone}");
            byte[] mac = [0x02, 0xf1, (byte)run, 0, (byte)(i >> 8), (byte)i];
            var dhcid = ClientIdentity.FromHardwareAddress(1, mac).ComputeDhcid(fqdn);
            var address = new IPAddress(new byte[] { 10, (byte)run, (byte)(i >> 8), (byte)i });
            return UpdatePlans.ForwardAdd(Zone, new NameChange(NameChangeKind.Add, Forward: true, Reverse: false, fqdn, address, dhcid,
                600, UseConflictResolution: true, LeaseExpiresOn: null));
        }).ToList();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        var target = new DnsUpdateTarget(endpoint, SenderKey.FromKea(_key.Name, _key.Algorithm, _key.Secret));
        var next = -1;
        var refused = 0;

        async Task WorkAsync()
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < plans.Count)
            {
                var outcome = await sender.SendAsync(plans[i], target, TimeSpan.FromSeconds(5), cancellationToken);
                if (outcome is not UpdateAnswered { ResponseCode: ResponseCode.NoError })
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => WorkAsync()));
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} of {plans.Count} UPDATEs were not answered NOERROR");
        }
    }
}
