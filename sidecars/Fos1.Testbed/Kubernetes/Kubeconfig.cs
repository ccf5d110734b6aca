namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// A kubeconfig file pointing at a <see cref="TestApiServer"/>, for sidecar processes started with
/// <c>--Kubernetes:Kubeconfig</c>. The token is a placeholder: KubernetesClient insists on credentials, the server ignores them.
/// </summary>
public static class Kubeconfig
{
    public static string Write(TestApiServer server, string path, string @namespace = "default")
    {
        ArgumentNullException.ThrowIfNull(server);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: test
                cluster:
                  server: {server.Address.ToString().TrimEnd('/')}
            users:
              - name: test
                user:
                  token: fos1-test
            contexts:
              - name: test
                context:
                  cluster: test
                  user: test
                  namespace: {@namespace}
            current-context: test

            """);
        return path;
    }
}
