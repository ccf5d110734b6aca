using System.Globalization;
using System.Net;
using CliWrap;
using Fos1.Crds.Dns;
using Fos1.Kubernetes.Resources;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;
using k8s;

namespace Fos1.Integration.Tests.KubernetesControllers;

/// <summary>
/// A test API server (kube-apiserver cannot be installed here; this one speaks the real list/watch, status and
/// Lease protocol to KubernetesClient) serving DNSZone, PTRZone and Leases, and real dns sidecar processes
/// watching it through a kubeconfig, with leader election on and no zones of their own.
/// </summary>
internal sealed class ZoneControllerStack : IAsyncDisposable
{
    public const string Namespace = "default";

    public static readonly TsigKey Key = TsigKey.Generate("kea-ddns");

    public static readonly ResourceKind Lease = new("coordination.k8s.io", "v1", "leases", "Lease");

    private readonly string _directory;
    private readonly List<DnsSidecarProcess> _sidecars = [];

    private ZoneControllerStack(string directory, TestApiServer api)
    {
        _directory = directory;
        Api = api;
    }

    public TestApiServer Api { get; }

    public IReadOnlyList<DnsSidecarProcess> Sidecars => _sidecars;

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    /// <summary>The repository's manifests/examples/<paramref name="file"/>.</summary>
    public static string Example(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fos1.Sidecars.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "manifests", "examples", file));
            }
        }

        throw new InvalidOperationException("Fos1.Sidecars.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<ZoneControllerStack> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("fos1-zone-controller-").FullName;
        var api = await TestApiServer.StartAsync();
        api.Serve(DnsKinds.Zone);
        api.Serve(DnsKinds.PtrZone);
        var stack = new ZoneControllerStack(directory, api);
        Testbed.Kubernetes.Kubeconfig.Write(api, stack.Kubeconfig, Namespace);
        return stack;
    }

    /// <summary>Starts one more real dns sidecar; <paramref name="podName"/> is its identity in the Lease.</summary>
    public async Task<DnsSidecarProcess> StartSidecarAsync(string podName = "dns-0")
    {
        var sidecar = await DnsSidecarProcess.StartAsync([], Key, extraArguments:
        [
            "--Kubernetes:Enabled=true",
            $"--Kubernetes:Kubeconfig={Kubeconfig}",
            $"--Kubernetes:Namespace={Namespace}",
            "--DnsSidecar:StatusSerialInterval=00:00:02",
            "--Logging:LogLevel:Default=Information",
        ], environment: new Dictionary<string, string?> { ["POD_NAME"] = podName });
        _sidecars.Add(sidecar);
        return sidecar;
    }

    public T? Get<T>(ResourceKind kind, string name)
        where T : class =>
        Api.Get(kind, Namespace, name) is { } json ? Fos1.Kubernetes.Configuration.KubernetesSerialization.Deserialize<T>(json.ToJsonString()) : null;

    public string? LeaseHolder() => Api.Get(Lease, Namespace, "fos1-sidecars")?["spec"]?["holderIdentity"]?.GetValue<string>();

    /// <summary>
    /// dig AXFR (unsigned, from loopback) of <paramref name="zone"/>: the record lines, whitespace collapsed and lower-cased,
    /// or the comment lines (e.g. "; Transfer failed.") when there is no zone.
    /// </summary>
    public static async Task<List<string>> AxfrAsync(IPEndPoint server, string zone)
    {
        string[] arguments = [$"@{server.Address}", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+nocmd", "+nostats", "+time=2", "+tries=1", zone, "AXFR"];
        var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Dig.Path).WithArguments(arguments));
        return [.. (result.StandardOutput + result.StandardError).Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0)
            .Select(l => l.StartsWith(';') ? l : string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())];
    }

    public string Describe() =>
        string.Join(Environment.NewLine, _sidecars.Select((s, i) => $"--- sidecar {i}:{Environment.NewLine}{s.RecentOutput}"))
        + $"{Environment.NewLine}--- API requests:{Environment.NewLine}{string.Join(Environment.NewLine, Api.RequestLog.TakeLast(40))}";

    public async ValueTask DisposeAsync()
    {
        foreach (var sidecar in _sidecars)
        {
            await sidecar.DisposeAsync();
        }

        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
