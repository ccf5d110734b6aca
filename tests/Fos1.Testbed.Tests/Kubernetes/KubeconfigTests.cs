using k8s;
using Fos1.Kubernetes.Configuration;
using Fos1.Testbed.Kubernetes;

namespace Fos1.Testbed.Tests.Kubernetes;

public sealed class KubeconfigTests
{
    [Fact]
    public async Task A_client_built_from_the_written_kubeconfig_reaches_the_test_api_server()
    {
        await using var server = await TestApiServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"fos1-kubeconfig-{Guid.NewGuid():N}.yaml");
        try
        {
            Kubeconfig.Write(server, path);

            using var client = KubernetesClients.Create(new KubernetesOptions { Enabled = true, Kubeconfig = path });
            var lease = await client.GetAsync("/apis/coordination.k8s.io/v1/namespaces/default/leases/absent", Fos1.Kubernetes.Json.KubernetesApiJson.Default.Lease, CancellationToken.None);

            Assert.Null(lease);
            Assert.Contains(server.RequestLog, line => line.StartsWith("GET /apis/coordination.k8s.io/v1/namespaces/default/leases/absent", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
