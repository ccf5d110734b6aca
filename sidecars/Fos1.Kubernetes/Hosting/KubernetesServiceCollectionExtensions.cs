using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Leadership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Kubernetes.Hosting;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// The "Kubernetes" section (validated at start-up), and when it is enabled: the API client, the Lease election
    /// and <see cref="StatusLeadership"/>. Returns whether the layer is enabled, so a host adds its controllers only then.
    /// </summary>
    public static bool AddKubernetesLayer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(KubernetesOptions.SectionName);
        services.AddOptions<KubernetesOptions>().Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KubernetesOptions>, KubernetesOptionsAnnotations>();
        var options = section.Get<KubernetesOptions>() ?? new KubernetesOptions();
        if (!options.Enabled)
        {
            return false;
        }

        AddClientAndLeadership(services, options);
        return true;
    }

    private static void AddClientAndLeadership(IServiceCollection services, KubernetesOptions options)
    {
        services.AddSingleton(sp => KubernetesClients.Create(sp.GetRequiredService<IOptions<KubernetesOptions>>().Value));
        if (!options.LeaderElection)
        {
            services.AddSingleton(StatusLeadership.Always());
            return;
        }

        services.AddSingleton<StatusLeadership>();
        services.AddSingleton(sp => new LeaderElection(
            sp.GetRequiredService<Clients.KubernetesApi>(),
            sp.GetRequiredService<IOptions<KubernetesOptions>>().Value,
            logger: sp.GetRequiredService<ILogger<LeaderElection>>()));
        services.AddHostedService<LeadershipService>();
    }
}
