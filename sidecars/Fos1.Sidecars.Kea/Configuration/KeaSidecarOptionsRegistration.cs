using Fos1.Dns.Sending.Batching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// The kea sidecar's option classes, bound and validated exactly as at start-up; shared with fos1ctl
/// (<c>check-config</c>, <c>plan</c>) so an operator sees the sidecar's own verdict on a configuration.
/// The Kubernetes section comes from <c>AddKubernetesLayer</c>, which the caller adds as well.
/// </summary>
public static class KeaSidecarOptionsRegistration
{
    public static IServiceCollection AddKeaSidecarOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DhcpDdnsOptions>().Bind(configuration.GetSection(DhcpDdnsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DhcpDdnsOptions>, DhcpDdnsOptionsValidator>();
        services.AddOptions<SidecarOptions>().Bind(configuration.GetSection(SidecarOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SidecarOptions>, SidecarOptionsAnnotations>();
        services.AddOptions<HookSpoolSourceOptions>().Bind(configuration.GetSection("Fos1:HookSpool")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HookSpoolSourceOptions>, HookSpoolSourceOptionsAnnotations>();
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection("Fos1:Reconciliation")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsAnnotations>();
        services.AddOptions<BatchingOptions>().Bind(configuration.GetSection(BatchingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BatchingOptions>, BatchingOptionsAnnotations>();
        services.AddOptions<MemfileSourceOptions>().Bind(configuration.GetSection("Fos1:Memfile"));
        services.AddOptions<NamingOptions>().Bind(configuration.GetSection("Fos1:Naming"))
            .Validate<IOptions<HookSpoolSourceOptions>, IOptions<ReconciliationOptions>, IOptions<MemfileSourceOptions>>(
                (naming, hooks, reconciliation, memfile) => !string.IsNullOrWhiteSpace(naming.QualifyingSuffix) || !(
                    !string.IsNullOrEmpty(hooks.Value.Directory) || reconciliation.Value.Enabled
                    || !string.IsNullOrEmpty(memfile.Value.LeaseFile4) || !string.IsNullOrEmpty(memfile.Value.LeaseFile6)),
                "Fos1:Naming:QualifyingSuffix is required when the hook spool, reconciliation or memfile source is on (Kea's ddns-qualifying-suffix, e.g. home.arpa.)")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NamingOptions>, NamingOptionsAnnotations>();
        services.AddOptions<KeaConfigOptions>().Bind(configuration.GetSection(KeaConfigOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeaConfigOptions>, KeaConfigOptionsAnnotations>();
        services.AddSingleton<IValidateOptions<KeaConfigOptions>, KeaConfigOptionsValidator>();
        return services;
    }

    /// <summary>Runs every start-up validation (what the host runs before starting) and returns each failure; empty = valid.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)];
        }
    }
}
