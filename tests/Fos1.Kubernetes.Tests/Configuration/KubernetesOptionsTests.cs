using System.ComponentModel.DataAnnotations;
using Fos1.Kubernetes.Configuration;

namespace Fos1.Kubernetes.Tests.Configuration;

public sealed class KubernetesOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new KubernetesOptions { Enabled = true }));
    }

    [Fact]
    public void A_renew_deadline_not_shorter_than_the_lease_is_refused_naming_both_keys()
    {
        var errors = Validate(new KubernetesOptions { Enabled = true, LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(10) });

        Assert.Equal(["Kubernetes:LeaseDuration (00:00:10) must be longer than Kubernetes:RenewDeadline (00:00:10)."], errors);
    }

    [Fact]
    public void A_retry_period_that_does_not_fit_the_renew_deadline_is_refused()
    {
        var errors = Validate(new KubernetesOptions { Enabled = true, RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromSeconds(2) });

        Assert.Equal(["Kubernetes:RenewDeadline (00:00:02) must be longer than 1.2 x Kubernetes:RetryPeriod (00:00:02)."], errors);
    }

    [Fact]
    public void A_missing_kubeconfig_file_is_refused_with_its_path()
    {
        var errors = Validate(new KubernetesOptions { Enabled = true, Kubeconfig = "/nonexistent/kubeconfig" });

        Assert.Equal(["Kubernetes:Kubeconfig names '/nonexistent/kubeconfig', which does not exist."], errors);
    }

    [Fact]
    public void A_lease_name_that_is_not_a_DNS_name_is_refused()
    {
        Assert.Equal(["Kubernetes:LeaseName must be a DNS subdomain name."], Validate(new KubernetesOptions { LeaseName = "Not_Valid" }));
    }

    [Fact]
    public void Timing_is_not_checked_while_disabled()
    {
        Assert.Empty(Validate(new KubernetesOptions { Enabled = false, RenewDeadline = TimeSpan.FromHours(1) }));
    }

    [Fact]
    public void An_empty_namespace_means_informers_watch_all_namespaces()
    {
        var informer = new KubernetesOptions { Namespace = "", ResyncPeriod = TimeSpan.FromMinutes(3) }.ForInformers();

        Assert.Null(informer.Namespace);
        Assert.Equal(TimeSpan.FromMinutes(3), informer.ResyncPeriod);
    }

    private static List<string?> Validate(KubernetesOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage)];
    }
}
