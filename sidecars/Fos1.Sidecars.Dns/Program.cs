using System.Diagnostics.Metrics;
using System.Net;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Transfer;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Hosting;
using Fos1.Observability;
using Fos1.Observability.Configuration;
using Fos1.Observability.Readiness;
using Fos1.Sidecars.Dns.Configuration;
using Fos1.Sidecars.Dns.Operations;
using Fos1.Sidecars.Dns.Services;
using Fos1.Sidecars.Dns.Zones;
using Fos1.Zones.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The dns sidecar: the RFC 2136 primary for the dynamic zones (CoreDNS answers UPDATE with NOTIMP),
// durable, published to CoreDNS over gRPC and as zone files.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var services = builder.Services;

// /metrics, /healthz, /readyz (Observability:HttpEndpoint): the first hosted service, up while the resources are awaited.
builder.AddSidecarObservability("dns", "0.0.0.0:9102");
services.AddSingleton<ServingState>();
services.AddSingleton<IReadinessCheck, ZoneStoreCheck>();
services.AddSingleton<IReadinessCheck, UpdateListenerCheck>();
services.AddSingleton<IReadinessCheck, GrpcBridgeCheck>();

// DNSZone/PTRZone resources from the API server when "Kubernetes:Enabled"; off: the configured zones only, as before.
var kubernetes = services.AddKubernetesLayer(builder.Configuration);
services.AddOptions<DnsSidecarOptions>().Bind(builder.Configuration.GetSection(DnsSidecarOptions.SectionName))
    .Validate(o => IPEndPoint.TryParse(o.UpdateEndpoint, out _), "DnsSidecar:UpdateEndpoint must be address:port")
    .Validate(o => string.IsNullOrEmpty(o.GrpcEndpoint) || IPEndPoint.TryParse(o.GrpcEndpoint, out _), "DnsSidecar:GrpcEndpoint must be address:port")
    .Validate(o => o.Zones.All(z => DnsName.TryParse(z.Name, out _, out _)), "DnsSidecar:Zones:*:Name must be a zone name")
    .Validate(o => kubernetes || o.Zones.Count > 0, "DnsSidecar:Zones must name at least one zone unless Kubernetes:Enabled=true brings DNSZone/PTRZone resources")
    .Validate(o => o.PublishInterval >= TimeSpan.Zero, "DnsSidecar:PublishInterval must not be negative")
    .Validate(o => o.ResourceSyncTimeout > TimeSpan.Zero && o.StatusSerialInterval >= TimeSpan.Zero,
        "DnsSidecar:ResourceSyncTimeout must be positive and DnsSidecar:StatusSerialInterval not negative")
    .ValidateOnStart();
services.AddSingleton<IValidateOptions<DnsSidecarOptions>, DnsSidecarOptionsAnnotations>();
services.AddOptions<CorefileOptions>().Bind(builder.Configuration.GetSection(CorefileOptions.SectionName)).ValidateOnStart();
services.AddSingleton<IValidateOptions<CorefileOptions>, CorefileOptionsValidation>();
services.AddMetrics();
services.AddSingleton<PublishMetrics>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<DnsSidecarOptions>>().Value;
    Directory.CreateDirectory(options.StateDirectory);
    return ZoneStore.Open(
        new ZoneStoreOptions { Directory = options.StateDirectory, PublishDirectory = options.PublishDirectory, PublishInterval = options.PublishInterval },
        ServedZones.Definitions(options),
        sp.GetRequiredService<ILoggerFactory>().CreateLogger<ZoneStore>(),
        new ZoneStoreMetrics(sp.GetRequiredService<IMeterFactory>().Create(ZoneStoreMetrics.MeterName), sp.GetRequiredService<PublishMetrics>()));
});
services.AddSingleton<StoreAdapters>();

// The configured zones' policy and NOTIFY targets; DNSZone/PTRZone resources add theirs at runtime (ZoneCrApplier).
services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<DnsSidecarOptions>>().Value;
    return new ServingConfiguration(ServedZones.Policy(options), ServedZones.Transfers(options), ServedZones.NotifyTargets(options));
});
services.AddSingleton(sp => new LiveServingConfiguration(sp.GetRequiredService<ServingConfiguration>()));
services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<DnsSidecarOptions>>().Value;
    return new UpdateServer(
        new UpdateServerOptions(IPEndPoint.Parse(options.UpdateEndpoint), ServedZones.Keys(options), ServedZones.Policy(options))
        {
            Transfers = ServedZones.Transfers(options),
        },
        sp.GetRequiredService<StoreAdapters>(),
        sp.GetRequiredService<ILogger<UpdateServer>>(),
        sp.GetRequiredService<TimeProvider>(),
        serving: sp.GetRequiredService<LiveServingConfiguration>());
});
services.AddSingleton(sp => new NotifyOnChange(
    new NotifySender(sp.GetRequiredService<ILoggerFactory>().CreateLogger<NotifySender>(), sp.GetRequiredService<TimeProvider>()),
    sp.GetRequiredService<LiveServingConfiguration>()));
services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<DnsSidecarOptions>>().Value;
    return new ZoneCrApplier(
        sp.GetRequiredService<ZoneStore>(),
        sp.GetRequiredService<LiveServingConfiguration>(),
        sp.GetRequiredService<ServingConfiguration>(),
        [.. options.Zones.Select(z => DnsName.Parse(z.Name))],
        options.StateDirectory,
        sp.GetRequiredService<UpdateServer>().Handler,
        ZoneCrApplier.CorefileFrom(sp.GetRequiredService<IOptions<CorefileOptions>>().Value, options),
        sp.GetRequiredService<ILogger<ZoneCrApplier>>());
});
services.AddHostedService<NotifyService>();
if (builder.Configuration[$"{DnsSidecarOptions.SectionName}:{nameof(DnsSidecarOptions.CoreDnsProbe)}"] is { Length: > 0 } coreDns)
{
    services.AddHostedService(sp => new CoreDnsProbeService(new Uri(coreDns), sp.GetRequiredService<ZoneStore>(),
        sp.GetRequiredService<PublishMetrics>(), sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILogger<CoreDnsProbeService>>()));
}

// The Corefile first: CoreDNS may start with the pod and must find it (the bridge answers once bound).
// With resources, their first apply writes it (configured plus resource zones) before the listeners start;
// the configured zones' Corefile is written only if the resources do not arrive in time.
// The native build compiles the resource services out (no KubernetesClient in the binary).
if (!services.AddZoneResourceServices(kubernetes))
{
    services.AddHostedService<CorefileWriterService>();
}

// The gRPC bridge starts first: once the UPDATE port is bound, the sidecar answers queries too.
services.AddHostedService<GrpcBridgeService>();
services.AddHostedService<UpdateServerService>();

try
{
    var host = builder.Build();
    InvalidConfiguration.ValidateAll(host.Services);
    await host.RunAsync();
    await host.Services.GetRequiredService<ZoneStore>().DisposeAsync();
    return 0;
}
catch (Exception e) when (ListenFailure.Describe(e) is { } reason)
{
    await Console.Error.WriteLineAsync($"fos1-dns-sidecar: cannot listen: {reason}");
    return 1;
}
catch (Exception e) when (InvalidConfiguration.Failures(e) is { } failures)
{
    await Console.Error.WriteLineAsync(InvalidConfiguration.Describe("fos1-dns-sidecar", failures));
    return 2;
}
