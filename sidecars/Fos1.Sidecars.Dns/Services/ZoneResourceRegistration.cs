using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Hosting;
using Fos1.Observability.Readiness;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Operations;
using Fos1.Sidecars.Dns.Zones;
using Fos1.Zones.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Services;

/// <summary>
/// DNSZone / PTRZone resources from the API server (the Kubernetes layer is on).
/// </summary>
internal static class ZoneResourceRegistration
{
    /// <summary>
    /// Their first apply writes the Corefile (configured plus resource zones) before the listeners start. Returns false,
    /// registering nothing, without the Kubernetes layer (then the caller writes the configured zones' Corefile).
    /// </summary>
    public static bool AddZoneResourceServices(this IServiceCollection services, bool kubernetes)
    {
        if (!kubernetes)
        {
            return false;
        }

        services.AddSingleton<IReadinessCheck, ZoneResourcesCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<ZoneResourceService>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DnsSidecarOptions>>().Value;
            var corefile = ActivatorUtilities.CreateInstance<CorefileWriterService>(sp);
            return new ZoneResourceService(
                sp.GetRequiredService<KubernetesApi>(),
                sp.GetRequiredService<IOptions<KubernetesOptions>>().Value.ForInformers(),
                sp.GetRequiredService<ZoneCrApplier>(),
                sp.GetRequiredService<ZoneStore>(),
                sp.GetRequiredService<StatusLeadership>(),
                new ZoneResourceTimings(options.ResourceSyncTimeout, options.StatusSerialInterval),
                corefile.StartAsync,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        return true;
    }
}
