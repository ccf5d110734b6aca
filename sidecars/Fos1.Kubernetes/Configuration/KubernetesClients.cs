using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fos1.Kubernetes.Clients;
using k8s;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// Builds the API connection from <see cref="KubernetesOptions"/>: explicit kubeconfig, in-cluster, or the default
/// kubeconfig. KubernetesClient loads the configuration; the HttpClient is built here (CA, client certificate, bearer
/// token, basic auth) rather than by its <c>Kubernetes</c> class, which copies its all-models JSON options.
/// </summary>
public static class KubernetesClients
{
    public static KubernetesApi Create(KubernetesOptions options) => Create(Configure(options));

    public static KubernetesApi Create(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var host = configuration.Host ?? throw new ArgumentException("The Kubernetes configuration names no host.", nameof(configuration));
        var http = new HttpClient(Handler(configuration), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(configuration.UserAgent))
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(configuration.UserAgent);
        }

        return new KubernetesApi(http, new Uri(host), Authorization(configuration));
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

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "Accepts any certificate only when the kubeconfig says insecure-skip-tls-verify: true, as kubectl does.")]
    private static SocketsHttpHandler Handler(KubernetesClientConfiguration configuration)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) };
        configuration.FirstMessageHandlerSetup?.Invoke(handler);
        if (!new Uri(configuration.Host!).Scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return handler;
        }

        var tls = handler.SslOptions;
        if (!string.IsNullOrEmpty(configuration.TlsServerName))
        {
            tls.TargetHost = configuration.TlsServerName;
        }

        if (!string.IsNullOrEmpty(configuration.ClientCertificateData) || !string.IsNullOrEmpty(configuration.ClientCertificateFilePath))
        {
            tls.ClientCertificates = [ClientCertificate(configuration)];
        }

        if (configuration.SkipTlsVerify)
        {
            tls.RemoteCertificateValidationCallback = AcceptAny;
        }
        else if (configuration.SslCaCerts is { Count: > 0 } authorities)
        {
            tls.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authorities, certificate, errors);
        }

        return handler;
    }

    // kubeconfig's insecure-skip-tls-verify: the operator asked for it explicitly, as with kubectl.
    private static bool AcceptAny(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    // kubeconfig's client-certificate(-data) and client-key(-data), PEM (the data forms base64-encoded).
    private static X509Certificate2 ClientCertificate(KubernetesClientConfiguration configuration)
    {
        var certificate = !string.IsNullOrEmpty(configuration.ClientCertificateData)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(configuration.ClientCertificateData))
            : File.ReadAllText(configuration.ClientCertificateFilePath);
        var key = !string.IsNullOrEmpty(configuration.ClientCertificateKeyData)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(configuration.ClientCertificateKeyData))
            : File.ReadAllText(configuration.ClientKeyFilePath);
        return X509Certificate2.CreateFromPem(certificate, key);
    }

    // The cluster's own CA, not the system store: a chain error is forgiven only when the chain ends at one of them.
    private static bool TrustedBy(X509Certificate2Collection authorities, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    private static Func<HttpRequestMessage, CancellationToken, Task>? Authorization(KubernetesClientConfiguration configuration)
    {
        // In-cluster: the token provider re-reads the projected service-account token file as it rotates.
        if (configuration.TokenProvider is { } provider)
        {
            return async (request, cancellationToken) =>
                request.Headers.Authorization = await provider.GetAuthenticationHeaderAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(configuration.AccessToken))
        {
            var bearer = new AuthenticationHeaderValue("Bearer", configuration.AccessToken);
            return (request, _) =>
            {
                request.Headers.Authorization = bearer;
                return Task.CompletedTask;
            };
        }

        if (!string.IsNullOrEmpty(configuration.Username))
        {
            var basic = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{configuration.Username}:{configuration.Password}")));
            return (request, _) =>
            {
                request.Headers.Authorization = basic;
                return Task.CompletedTask;
            };
        }

        return null;
    }
}
