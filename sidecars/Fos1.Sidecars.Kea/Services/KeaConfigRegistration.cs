using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Applying;
using Fos1.Sidecars.Kea.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// DHCPv4Service / DHCPv6Service -> kea-dhcp4 / kea-dhcp6 configuration, for the families Fos1:KeaConfig enables.
/// </summary>
internal static class KeaConfigRegistration
{
    public static void AddKeaConfigServices(this IServiceCollection services, bool kubernetes, KeaConfigOptions keaConfig)
    {
        ArgumentNullException.ThrowIfNull(keaConfig);
        if (!kubernetes || !(keaConfig.Dhcp4.Enabled || keaConfig.Dhcp6.Enabled))
        {
            return;
        }

        services.AddSingleton<KeaConfigMetrics>();
        if (keaConfig.Dhcp4.Enabled)
        {
            services.AddSingleton(KeaConfigFamilies.V4);
            services.AddHostedService<KeaConfigService<DhcpV4Service>>();
        }

        if (keaConfig.Dhcp6.Enabled)
        {
            services.AddSingleton(KeaConfigFamilies.V6);
            services.AddHostedService<KeaConfigService<DhcpV6Service>>();
        }
    }
}
