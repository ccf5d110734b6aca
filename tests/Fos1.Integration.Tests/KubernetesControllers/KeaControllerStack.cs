using System.Net;
using System.Text.Json.Nodes;
using Fos1.Crds.Dhcp;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Integration.Tests.KeaConfig;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kubernetes.Resources;
using Fos1.Testbed;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.KubernetesControllers;

/// <summary>
/// A test API server (kube-apiserver cannot be installed here; this one speaks the real list/watch and status
/// protocol to KubernetesClient) serving DHCPv4Service / DHCPv6Service and Leases, real kea-dhcp4 or kea-dhcp6 with
/// a control socket started from the shipped template with no subnets, and the real kea sidecar process watching
/// the API server through a kubeconfig, with leader election on.
/// </summary>
internal sealed class KeaControllerStack : IAsyncDisposable
{
    public const string Namespace = "default";

    private readonly string _directory;

    private KeaControllerStack(string directory, TestApiServer api, KeaConfigLab kea, KeaSidecarProcess sidecar)
    {
        _directory = directory;
        Api = api;
        Kea = kea;
        Sidecar = sidecar;
    }

    public TestApiServer Api { get; }

    public KeaConfigLab Kea { get; }

    public KeaSidecarProcess Sidecar { get; }

    public ResourceKind Kind => Kea.Template.Family == 6 ? DhcpKinds.V6Service : DhcpKinds.V4Service;

    /// <param name="bind">A BIND the sidecar sends its UPDATEs to (DnsStack's zones); none: no DNS side.</param>
    public static async Task<KeaControllerStack> StartAsync(int family, BindServer? bind = null)
    {
        var directory = Directory.CreateTempSubdirectory("fos1-kea-controller-").FullName;
        TestApiServer? api = null;
        KeaConfigLab? kea = null;
        try
        {
            api = await TestApiServer.StartAsync();
            api.Serve(DhcpKinds.V4Service);
            api.Serve(DhcpKinds.V6Service);
            kea = await KeaConfigLab.StartAsync(family, (template, options) => family == 6
                ? KeaDhcp6ConfigRenderer.Render([], template, options)
                : KeaDhcp4ConfigRenderer.Render([], template, options));
            var kubeconfig = Kubeconfig.Write(api, Path.Combine(directory, "kubeconfig"), Namespace);
            var prefix = $"--Fos1:KeaConfig:Dhcp{family}";
            List<string> arguments =
            [
                "--Kubernetes:Enabled=true",
                $"--Kubernetes:Kubeconfig={kubeconfig}",
                $"--Kubernetes:Namespace={Namespace}",
                $"--Kubernetes:LeaseNamespace={Namespace}",
                $"{prefix}:Enabled=true",
                $"{prefix}:Template={Path.Combine(RepositoryRoot.Find(), "kea-config", family == 6 ? "kea-dhcp6.conf" : "kea-dhcp4.conf")}",
                $"{prefix}:ControlSocket={kea.Kea.ControlSocketPath}",
                $"{prefix}:LeaseFile={kea.Options.LeaseFile}",
                $"{prefix}:Interfaces:0={kea.Options.DefaultInterfaces![0]}",
                $"--Fos1:KeaConfig:HookScript={kea.Options.HookScriptPath}",
                "--Fos1:KeaConfig:ReapplySeconds=2",
            ];
            if (kea.Options.DataDirectory is { } data)
            {
                arguments.Add($"{prefix}:DataDirectory={data}");
            }

            // D2's configuration needs a domain; without a BIND no NCR is sent, so no UPDATE goes to that one.
            var sidecar = await KeaSidecarProcess.StartAsync(
                bind is null
                    ? new KeaDdnsOptions { Key = TsigKey.Generate(), ForwardDomains = [new KeaDdnsDomain("home.arpa", [new IPEndPoint(IPAddress.Loopback, 53)])] }
                    : DnsStack.D2Options(bind, IPAddress.Loopback),
                arguments);
            return new KeaControllerStack(directory, api, kea, sidecar);
        }
        catch
        {
            if (kea is not null)
            {
                await kea.DisposeAsync();
            }

            if (api is not null)
            {
                await api.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Polls until the resource's status says <paramref name="reason"/> for its current generation.</summary>
    public async Task<JsonObject> WaitForStatusAsync(string name, string readyStatus, string reason)
    {
        JsonObject? latest = null;
        await Poll.UntilAsync(
            () =>
            {
                latest = Api.Get(Kind, Namespace, name);
                var generation = Number(latest?["metadata"]?["generation"]);
                var ready = Ready(latest);
                return generation is not null && Number(latest?["status"]?["observedGeneration"]) == generation
                    && (string?)ready?["status"] == readyStatus && (string?)ready?["reason"] == reason
                    && Number(ready?["observedGeneration"]) == generation;
            },
            TimeSpan.FromSeconds(30),
            $"{Kind.Kind} {name} to report Ready={readyStatus} {reason} for its generation",
            () => $"{latest?.ToJsonString()}{Environment.NewLine}{Sidecar.RecentOutput}");
        return latest!;
    }

    /// <summary>Polls until Kea's <c>config-get</c> satisfies <paramref name="condition"/> (subnets by prefix).</summary>
    public async Task<Dictionary<string, JsonObject>> WaitForKeaAsync(Func<Dictionary<string, JsonObject>, bool> condition, string awaited)
    {
        Dictionary<string, JsonObject> subnets = [];
        await Poll.UntilAsync(
            async _ =>
            {
                subnets = await Kea.RunningSubnetsAsync();
                return condition(subnets);
            },
            TimeSpan.FromSeconds(30),
            awaited,
            () => $"Kea runs: {string.Join(", ", subnets.Values.Select(s => s.ToJsonString()))}{Environment.NewLine}{Sidecar.RecentOutput}");
        return subnets;
    }

    public async Task SendAsync(Fos1.Ddns.Leases.NameChange change)
    {
        using var udp = new System.Net.Sockets.UdpClient(Sidecar.Endpoint.AddressFamily);
        await udp.SendAsync(Fos1.Kea.Ncr.NameChangeRequestCodec.Encode(change), Sidecar.Endpoint);
    }

    /// <summary>A JSON number, however the server stored it.</summary>
    public static long? Number(JsonNode? node) =>
        node is null ? null : long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject? Ready(JsonObject? resource) =>
        resource?["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Ready");

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await Kea.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
