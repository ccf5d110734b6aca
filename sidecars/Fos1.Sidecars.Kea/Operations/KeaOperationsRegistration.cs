using Fos1.Ddns;
using Fos1.Dns.Dispatch;
using Fos1.Observability.Configuration;
using Fos1.Observability.Endpoint;
using Fos1.Observability.Readiness;
using Fos1.Outbox.Changes;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>The kea sidecar's readiness checks, its /status and /resync, and the state holders they read.</summary>
public static class KeaOperationsRegistration
{
    public static IServiceCollection AddKeaOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var memfile = configuration.GetSection("Fos1:Memfile").Get<MemfileSourceOptions>();
        var sources = new KeaSourceSet(
            Hooks: !string.IsNullOrEmpty(configuration.GetSection("Fos1:HookSpool").Get<HookSpoolSourceOptions>()?.Directory),
            Memfile: !string.IsNullOrEmpty(memfile?.LeaseFile4) || !string.IsNullOrEmpty(memfile?.LeaseFile6),
            Reconciliation: configuration.GetSection("Fos1:Reconciliation").Get<ReconciliationOptions>() is { Enabled: true });
        services.AddSingleton(sources);
        services.AddSingleton<LeaseSourceActivity>();
        services.AddSingleton<DnsReachability>();
        services.AddSingleton<ReconciliationRuns>();

        services.AddSingleton<IReadinessCheck>(sp => new LeaseSourceCheck("ncr", sp.GetRequiredService<LeaseSourceActivity>()));
        if (sources.Hooks)
        {
            services.AddSingleton<IReadinessCheck>(sp => new LeaseSourceCheck("hooks", sp.GetRequiredService<LeaseSourceActivity>()));
        }

        if (sources.Memfile)
        {
            services.AddSingleton<IReadinessCheck>(sp => new LeaseSourceCheck("memfile", sp.GetRequiredService<LeaseSourceActivity>()));
        }

        if (sources.Reconciliation)
        {
            services.AddSingleton<IReadinessCheck, ReconciliationCheck>();
        }

        // One check per configured zone (the D2 file, if any, is part of the configuration by now).
        var ddns = configuration.GetSection(DhcpDdnsOptions.SectionName).Get<DhcpDdnsOptions>() ?? new DhcpDdnsOptions();
        foreach (var domain in ddns.ForwardDdns.DdnsDomains.Concat(ddns.ReverseDdns.DdnsDomains))
        {
            if (DnsName.TryParse(domain.Name, out var zone, out _))
            {
                services.AddSingleton<IReadinessCheck>(sp => new DnsZoneCheck(zone, sp.GetRequiredService<DnsReachability>()));
            }
        }

        services.AddSingleton<IReadinessCheck>(sp => new OutboxCheck(
            sp.GetRequiredService<UpdateOutbox>(), sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.OutboxReadyLimit));
        services.AddSingleton<IOperationsRoutes>(sp => new KeaOperationsRoutes(
            sp.GetRequiredService<SidecarIdentity>(),
            sp.GetServices<IReadinessCheck>(),
            sp.GetRequiredService<LeaseSourceActivity>(),
            sources,
            sp.GetRequiredService<DdnsRouting>(),
            sp.GetRequiredService<UpdateOutbox>(),
            sp.GetRequiredService<Fos1.Observability.Logging.RecentProblems>(),
            sp.GetRequiredService<ReconciliationRuns>(),
            sp.GetService<ReconciliationService>()));
        return services;
    }
}
