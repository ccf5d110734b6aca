using Fos1.Crds.Dns;
using Fos1.Observability.Readiness;
using Fos1.Sidecars.Config.AdGuard;
using Fos1.Sidecars.Config.Configuration;
using Fos1.Sidecars.Config.Mdns;
using Fos1.Sidecars.Config.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Fos1.Sidecars.Config.Resources;

/// <summary>
/// The long-running mode's controllers: DNSFilterList + DNSClient -> AdGuard Home, MDNSReflector -> avahi, and the
/// readiness checks that follow them.
/// </summary>
internal static class ResourceServiceRegistration
{
    public static void AddResourceServices(this IServiceCollection services, bool kubernetes, ConfigSidecarOptions configured)
    {
        if (!kubernetes)
        {
            return;
        }

        services.AddSingleton<InformerSync>();
        List<string> watched = [];
        if (configured.AdGuard.Enabled)
        {
            services.AddHostedService<AdGuardResourceService>();
            services.AddSingleton<AdGuardReachability>();
            services.AddSingleton<IReadinessCheck, AdGuardReachableCheck>();
            watched.AddRange([DnsKinds.FilterList.Kind, DnsKinds.Client.Kind]);
        }

        if (configured.Mdns.Enabled)
        {
            services.AddHostedService<MdnsResourceService>();
            watched.Add(DnsKinds.MdnsReflector.Kind);
        }

        services.AddSingleton<IReadinessCheck>(sp => new InformersSyncedCheck(sp.GetRequiredService<InformerSync>(), watched));
    }
}
