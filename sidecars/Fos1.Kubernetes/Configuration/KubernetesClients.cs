using k8s;

namespace Fos1.Kubernetes.Configuration;

/// <summary>Builds the API client from <see cref="KubernetesOptions"/>: explicit kubeconfig, in-cluster, or the default kubeconfig.</summary>
public static class KubernetesClients
{
    public static IKubernetes Create(KubernetesOptions options)
    {
        var configuration = Configure(options);
        KubernetesSerialization.Apply(configuration);
        return new k8s.Kubernetes(configuration);
    }

    public static KubernetesClientConfiguration Configure(KubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kubeconfig.Length > 0)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig);
        }

        // IsInCluster also checks the service-account token is mounted, which is what InClusterConfig needs.
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 } && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigFile();
    }
}
