using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Fos1.Dns.Sending.Batching;
using Fos1.Kea.ControlSocket;
using Fos1.Kea.Hooks;
using Fos1.Kea.Memfile;
using Fos1.Kea.Ncr;
using Fos1.Kubernetes.Hosting;
using Fos1.Observability;
using Fos1.Observability.Configuration;
using Fos1.Outbox;
using Fos1.Outbox.Changes;
using Fos1.Outbox.Expiry;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Operations;
using Fos1.Sidecars.Kea.Pipeline;
using Fos1.Sidecars.Kea.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// appsettings.json ships beside the binary; the working directory is wherever the pod or test put us.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// A D2 config file slots in under the environment and the command line, which still override it.
KeaSidecarConfiguration.AddD2ConfigFile(builder.Configuration, args);

var services = builder.Services;
var configuration = builder.Configuration;

// /metrics, /healthz, /readyz, /status, /resync (Observability:HttpEndpoint): the first hosted service, up before the rest.
builder.AddSidecarObservability("kea", "0.0.0.0:9101");
services.AddKeaSidecarOptions(configuration);

services.AddMetrics();
services.AddSingleton(TimeProvider.System);

// The DNS side: zones, keys, the sender and the per-client dispatcher.
// Plans for one zone in flight together ride in one UPDATE (Fos1:Batching; MaxPlansPerMessage 1 = off).
services.AddSingleton<DnsUpdateSender>();
services.AddSingleton<BatchingMetrics>();
services.AddSingleton<IDnsUpdateSender>(sp => new ObservedUpdateSender(
    new BatchingUpdateSender(
        sp.GetRequiredService<DnsUpdateSender>(),
        sp.GetRequiredService<IOptions<BatchingOptions>>().Value,
        sp.GetRequiredService<BatchingMetrics>(),
        sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILogger<BatchingUpdateSender>>()),
    sp.GetRequiredService<DnsReachability>()));
services.AddSingleton(sp => DdnsRoutingFactory.Create(sp.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value));
services.AddSingleton(sp =>
{
    var sidecar = sp.GetRequiredService<IOptions<SidecarOptions>>().Value;
    var ddns = sp.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value;
    return new RetryPolicy(
        TimeSpan.FromMilliseconds(ddns.DnsServerTimeout),
        TimeSpan.FromMilliseconds(sidecar.RetryInitialDelayMs),
        TimeSpan.FromMilliseconds(sidecar.RetryMaxDelayMs));
});
services.AddSingleton<DdnsMetrics>();
services.AddSingleton<NameChangeRunner>();
services.AddSingleton(sp => new NameChangeDispatcher(
    sp.GetRequiredService<NameChangeRunner>(),
    sp.GetRequiredService<DdnsMetrics>(),
    sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<ILogger<NameChangeDispatcher>>(),
    sp.GetRequiredService<IOptions<SidecarOptions>>().Value.MaxInFlight));

// Durable state: the outbox every source writes to, and the lease ledger behind the expiry schedule.
services.AddSingleton(sp =>
{
    var directory = sp.GetRequiredService<IOptions<SidecarOptions>>().Value.StateDirectory;
    Directory.CreateDirectory(directory);
    return new OutboxOptions { Directory = directory };
});
services.AddSingleton(sp => new OutboxMetrics(sp.GetRequiredService<IMeterFactory>().Create(OutboxMetrics.MeterName)));
services.AddSingleton(sp => UpdateOutbox.Open(sp.GetRequiredService<OutboxOptions>(), sp.GetRequiredService<ILogger<UpdateOutbox>>(), sp.GetRequiredService<OutboxMetrics>()));
services.AddSingleton(sp => LeaseLedger.Open(sp.GetRequiredService<OutboxOptions>(), sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<ILogger<LeaseLedger>>(), sp.GetRequiredService<OutboxMetrics>()));
services.AddSingleton<ChangeIntake>();
services.AddSingleton<OutboxPendingChanges>();

// Lease sources.
services.AddSingleton(_ => Channel.CreateUnbounded<NameChange>(new UnboundedChannelOptions { SingleReader = true }));
services.AddSingleton<NcrMetrics>();
services.AddSingleton<HookSpoolMetrics>();
services.AddSingleton<MemfileMetrics>();
services.AddSingleton<KeaControlMetrics>();
services.AddSingleton(sp => sp.GetRequiredService<IOptions<NamingOptions>>().Value.CreatePlanner());
services.AddSingleton<LeaseEventIntake>();
services.AddSingleton<KeaControlChannelFactory>();
services.AddSingleton<ForwardOnlyScope>();

// DHCPv4Service / DHCPv6Service -> kea-dhcp4 / kea-dhcp6 configuration (Fos1:KeaConfig, needs the Kubernetes layer).
var kubernetes = services.AddKubernetesLayer(configuration);
var keaConfig = configuration.GetSection(KeaConfigOptions.SectionName).Get<KeaConfigOptions>() ?? new KeaConfigOptions();
// Only with the Kubernetes layer; the native build compiles it out (no KubernetesClient in the binary).
services.AddKeaConfigServices(kubernetes, keaConfig);

services.AddHostedService<DispatcherService>();
services.AddHostedService<NcrIntakeService>();
services.AddHostedService<NcrListenerService>();
services.AddHostedService<ExpiryService>();
var hookSpool = configuration.GetSection("Fos1:HookSpool").Get<HookSpoolSourceOptions>();
if (!string.IsNullOrEmpty(hookSpool?.Directory))
{
    services.AddHostedService<HookSpoolService>();
}

if (configuration.GetSection("Fos1:Reconciliation").Get<ReconciliationOptions>() is { Enabled: true })
{
    services.AddSingleton<ReconciliationService>();
    services.AddHostedService(sp => sp.GetRequiredService<ReconciliationService>());
}

var memfile = configuration.GetSection("Fos1:Memfile").Get<MemfileSourceOptions>();
foreach (var leaseFile in new[] { memfile?.LeaseFile4, memfile?.LeaseFile6 }.OfType<string>().Where(f => f.Length > 0))
{
    services.AddHostedService(sp => new MemfileService(leaseFile, sp.GetRequiredService<LeaseEventIntake>(),
        sp.GetRequiredService<MemfileMetrics>(), sp.GetRequiredService<ILogger<MemfileTail>>(), sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<LeaseSourceActivity>()));
}

services.AddKeaOperations(configuration);

try
{
    using var host = builder.Build();
    InvalidConfiguration.ValidateAll(host.Services);
    await host.RunAsync();
    return 0;
}
catch (Exception e) when (ListenFailure.Describe(e) is { } reason)
{
    await Console.Error.WriteLineAsync($"fos1-kea-sidecar: cannot listen: {reason}");
    return 1;
}
catch (Exception e) when (InvalidConfiguration.Failures(e) is { } failures)
{
    await Console.Error.WriteLineAsync(InvalidConfiguration.Describe("fos1-kea-sidecar", failures));
    return 2;
}
