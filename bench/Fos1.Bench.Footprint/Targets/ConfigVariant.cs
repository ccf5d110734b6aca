using Fos1.Crds.Dns;
using Fos1.Testbed.AdGuard;
using Fos1.Testbed.Sidecars;

namespace Fos1.Bench.Footprint.Targets;

/// <summary>
/// The config sidecar against the stand-in kube-apiserver (DNSFilterList, DNSClient, MDNSReflector served) and the
/// fake AdGuard Home API, so readiness (informers synced, AdGuard answering) can become true. No load: it has no data path.
/// </summary>
public sealed class ConfigVariant : IFootprintVariant
{
    private readonly KubernetesFixture _kubernetes;
    private readonly FakeAdGuardHome _adGuard;

    private ConfigVariant(KubernetesFixture kubernetes, FakeAdGuardHome adGuard)
    {
        _kubernetes = kubernetes;
        _adGuard = adGuard;
    }

    public string Name => "config + Kubernetes";

    public string Load => "-";

    public static async Task<ConfigVariant> StartAsync(CancellationToken cancellationToken) =>
        new(await KubernetesFixture.StartAsync([DnsKinds.FilterList, DnsKinds.Client, DnsKinds.MdnsReflector], cancellationToken),
            await FakeAdGuardHome.StartAsync());

    public async Task<StartedSidecar> StartAsync(string httpArgument, Uri http, CancellationToken cancellationToken)
    {
        var sidecar = await ConfigSidecarProcess.StartAsync(_kubernetes.Api, _adGuard.Address, mdns: false,
            [httpArgument], cancellationToken);
        return new StartedSidecar(sidecar, () => sidecar.RecentOutput, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _adGuard.DisposeAsync();
        await _kubernetes.DisposeAsync();
    }
}
