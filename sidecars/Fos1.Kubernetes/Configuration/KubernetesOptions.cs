using System.ComponentModel.DataAnnotations;
using Fos1.Kubernetes.Informers;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// The "Kubernetes" configuration section. Validated at start-up (the generated <c>KubernetesOptionsAnnotations</c> also runs
/// <see cref="Validate"/>), so a bad lease timing fails the pod at once with the key in the message.
/// </summary>
public sealed class KubernetesOptions : IValidatableObject
{
    public const string SectionName = "Kubernetes";

    public bool Enabled { get; set; }

    /// <summary>A kubeconfig file; empty means in-cluster when KUBERNETES_SERVICE_HOST is set, else the default kubeconfig.</summary>
    public string Kubeconfig { get; set; } = "";

    /// <summary>The namespace to watch; null or empty watches all namespaces.</summary>
    public string? Namespace { get; set; }

    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether replicas elect one status writer through a Lease. Every replica applies the resources to its own
    /// daemon; only the leader writes their status, so replicas never overwrite each other's conditions.
    /// Off: every replica writes (one replica, or a test without Leases).
    /// </summary>
    public bool LeaderElection { get; set; } = true;

    [RegularExpression("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", ErrorMessage = "Kubernetes:LeaseName must be a DNS subdomain name.")]
    public string LeaseName { get; set; } = "fos1-sidecars";

    /// <summary>The Lease's namespace; empty means the pod's own namespace (POD_NAMESPACE), else "default".</summary>
    public string LeaseNamespace { get; set; } = "";

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Kubeconfig.Length > 0 && !File.Exists(Kubeconfig))
        {
            yield return new ValidationResult($"Kubernetes:Kubeconfig names '{Kubeconfig}', which does not exist.", [nameof(Kubeconfig)]);
        }

        if (ResyncPeriod < TimeSpan.Zero)
        {
            yield return new ValidationResult("Kubernetes:ResyncPeriod must be zero (off) or positive.", [nameof(ResyncPeriod)]);
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Kubernetes:RetryPeriod must be positive.", [nameof(RetryPeriod)]);
        }

        // The elector's own rules: renewing must give up before the lease runs out, and retries (with
        // KubernetesClient's 1.2 jitter) must fit inside the renew deadline.
        if (LeaseDuration <= RenewDeadline)
        {
            yield return new ValidationResult(
                $"Kubernetes:LeaseDuration ({LeaseDuration}) must be longer than Kubernetes:RenewDeadline ({RenewDeadline}).",
                [nameof(LeaseDuration), nameof(RenewDeadline)]);
        }

        if (RenewDeadline <= RetryPeriod * 1.2)
        {
            yield return new ValidationResult(
                $"Kubernetes:RenewDeadline ({RenewDeadline}) must be longer than 1.2 x Kubernetes:RetryPeriod ({RetryPeriod}).",
                [nameof(RenewDeadline), nameof(RetryPeriod)]);
        }

        if (LeaseDuration.TotalSeconds < 1)
        {
            yield return new ValidationResult("Kubernetes:LeaseDuration must be at least one second (a Lease counts whole seconds).", [nameof(LeaseDuration)]);
        }
    }

    /// <summary>The informer settings these options imply (watched namespace, resync period).</summary>
    public InformerOptions ForInformers() => new()
    {
        Namespace = string.IsNullOrEmpty(Namespace) ? null : Namespace,
        ResyncPeriod = ResyncPeriod,
    };

    /// <summary>The namespace the Lease lives in, after the defaults.</summary>
    public string EffectiveLeaseNamespace() =>
        LeaseNamespace.Length > 0 ? LeaseNamespace
        : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } own ? own
        : "default";
}
