using Fos1.Kubernetes.Resources;
using Fos1.Testbed.Kubernetes;

namespace Fos1.Bench.Footprint.Targets;

/// <summary>The stand-in kube-apiserver serving the given kinds, and a kubeconfig pointing at it.</summary>
public sealed class KubernetesFixture : IAsyncDisposable
{
    public const string Namespace = "default";
    private readonly string _directory;

    private KubernetesFixture(TestApiServer api, string directory)
    {
        Api = api;
        _directory = directory;
    }

    public TestApiServer Api { get; }

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    public IReadOnlyList<string> Arguments =>
    [
        "--Kubernetes:Enabled=true",
        $"--Kubernetes:Kubeconfig={KubeconfigPath}",
        $"--Kubernetes:Namespace={Namespace}",
        $"--Kubernetes:LeaseNamespace={Namespace}",
    ];

    public static async Task<KubernetesFixture> StartAsync(IEnumerable<ResourceKind> kinds, CancellationToken cancellationToken)
    {
        var api = await TestApiServer.StartAsync(cancellationToken);
        foreach (var kind in kinds)
        {
            api.Serve(kind);
        }

        var fixture = new KubernetesFixture(api, Directory.CreateTempSubdirectory("fos1-footprint-k8s-").FullName);
        Kubeconfig.Write(api, fixture.KubeconfigPath, Namespace);
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
