using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Kubernetes.Tests.Hosting;

// The layer validates its section through the source-generated validator (no ValidateDataAnnotations reflection, so
// the native build validates too): these check that the generated one still runs the options' own Validate.
public sealed class KubernetesLayerValidationTests
{
    [Fact]
    public void The_registered_validation_runs_the_options_own_checks()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(("Kubernetes:LeaseName", "Not_Valid")));
        // The generated validator names the member first (ValidateDataAnnotations wrapped it in "DataAnnotation validation failed ...").
        Assert.Contains("LeaseName: Kubernetes:LeaseName must be a DNS subdomain name.", failure.Failures);
    }

    [Fact]
    public void The_registered_validation_reports_both_timing_keys()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(
            ("Kubernetes:Enabled", "true"), ("Kubernetes:Kubeconfig", "/nonexistent/kubeconfig")));
        Assert.Contains(failure.Failures, f => f.Contains("/nonexistent/kubeconfig", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_disabled_section_resolves_and_leaves_the_layer_off()
    {
        var configuration = Configuration(("Kubernetes:Enabled", "false"));
        var services = new ServiceCollection();
        Assert.False(services.AddKubernetesLayer(configuration));
        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<IOptions<KubernetesOptions>>().Value.Enabled);
    }

    private static KubernetesOptions Resolve(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddKubernetesLayer(Configuration(settings));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KubernetesOptions>>().Value;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
