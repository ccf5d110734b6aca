using Fos1.Kubernetes.Hosting;
using Fos1.Observability;
using Fos1.Observability.Configuration;
using Fos1.Sidecars.Config;
using Fos1.Sidecars.Config.AdGuard;
using Fos1.Sidecars.Config.Configuration;
using Fos1.Sidecars.Config.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The config sidecar: AdGuard Home (DNSFilterList, DNSClient) and avahi (MDNSReflector) follow the custom resources.
//   fos1-config-sidecar [--Key=value...]                       long-running (exit 0 on SIGTERM, 2 on bad configuration)
//   fos1-config-sidecar init-adguard [--force] [--Key=value...] write the cold-start AdGuardHome.yaml once
//                                                               (exit 0 written or left alone, 1 failed, 2 bad configuration)
var mode = args.FirstOrDefault() == "init-adguard" ? SidecarMode.InitAdGuard : SidecarMode.Run;
var force = mode == SidecarMode.InitAdGuard && args.Contains("--force");
var settingsArgs = args.Skip(mode == SidecarMode.InitAdGuard ? 1 : 0).Where(a => a != "--force").ToArray();

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settingsArgs, ContentRootPath = AppContext.BaseDirectory });
var services = builder.Services;
if (mode == SidecarMode.Run)
{
    // /metrics, /healthz, /readyz (Observability:HttpEndpoint): the first hosted service, independent of Kubernetes.
    builder.AddSidecarObservability("config", "0.0.0.0:9103");
}

var kubernetes = services.AddKubernetesLayer(builder.Configuration);
var section = builder.Configuration.GetSection(ConfigSidecarOptions.SectionName);
services.AddOptions<ConfigSidecarOptions>().Bind(section).ValidateOnStart();
services.AddSingleton<IValidateOptions<ConfigSidecarOptions>>(new ConfigSidecarOptionsValidation(mode, kubernetes));
services.AddSingleton(TimeProvider.System);
var configured = section.Get<ConfigSidecarOptions>() ?? new ConfigSidecarOptions();
if (mode == SidecarMode.Run)
{
    // Only with the Kubernetes layer; the native build compiles it out (no KubernetesClient in the binary).
    services.AddResourceServices(kubernetes, configured);
}

try
{
    using var host = builder.Build();
    InvalidConfiguration.ValidateAll(host.Services);

    // Resolving the options validates them now, before the hosted services are built (they would need the API client).
    var options = host.Services.GetRequiredService<IOptions<ConfigSidecarOptions>>().Value;
    if (mode == SidecarMode.InitAdGuard)
    {
        var command = new AdGuardInitCommand(options.AdGuard, AdGuardResources.Lister(host.Services, kubernetes),
            host.Services.GetRequiredService<ILogger<AdGuardInitCommand>>());
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await command.RunAsync(force, stop.Token);
    }

    await host.StartAsync();
    var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fos1.Sidecars.Config");
    StartupLog.Started(log, configured.AdGuard.Enabled, configured.Mdns.Enabled);
    await host.WaitForShutdownAsync();
    return 0;
}
catch (Exception e) when (ListenFailure.Describe(e) is { } reason)
{
    await Console.Error.WriteLineAsync($"fos1-config-sidecar: cannot listen: {reason}");
    return 1;
}
catch (Exception e) when (InvalidConfiguration.Failures(e) is { } failures)
{
    await Console.Error.WriteLineAsync(InvalidConfiguration.Describe("fos1-config-sidecar", failures));
    return 2;
}
catch (k8s.Exceptions.KubeConfigException e)
{
    await Console.Error.WriteLineAsync($"fos1-config-sidecar: invalid configuration:{Environment.NewLine}  Kubernetes:Kubeconfig: {e.Message}");
    return 2;
}
