using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Fos1.Kea.Ncr;
using Fos1.Sidecars.Kea;
using Fos1.Sidecars.Kea.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// appsettings.json ships beside the binary; the working directory is wherever the pod or test put us.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// A D2 config file slots in under the environment and the command line, which still override it.
if (builder.Configuration[$"{SidecarOptions.SectionName}:{nameof(SidecarOptions.D2ConfigFile)}"] is { Length: > 0 } d2File)
{
    builder.Configuration.AddJsonFile(Path.GetFullPath(d2File), optional: false, reloadOnChange: false);
    builder.Configuration.AddEnvironmentVariables();
    builder.Configuration.AddCommandLine(args);
}

builder.Services.AddOptions<DhcpDdnsOptions>().Bind(builder.Configuration.GetSection(DhcpDdnsOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<DhcpDdnsOptions>, DhcpDdnsOptionsValidator>();
builder.Services.AddOptions<SidecarOptions>().Bind(builder.Configuration.GetSection(SidecarOptions.SectionName))
    .ValidateDataAnnotations().ValidateOnStart();

builder.Services.AddMetrics();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => Channel.CreateUnbounded<NameChange>(new UnboundedChannelOptions { SingleReader = true }));
builder.Services.AddSingleton<NcrMetrics>();
builder.Services.AddSingleton<DdnsMetrics>();
builder.Services.AddSingleton<IDnsUpdateSender, DnsUpdateSender>();
builder.Services.AddSingleton(sp => DdnsRoutingFactory.Create(sp.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value));
builder.Services.AddSingleton(sp =>
{
    var sidecar = sp.GetRequiredService<IOptions<SidecarOptions>>().Value;
    var ddns = sp.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value;
    return new RetryPolicy(
        TimeSpan.FromMilliseconds(ddns.DnsServerTimeout),
        TimeSpan.FromMilliseconds(sidecar.RetryInitialDelayMs),
        TimeSpan.FromMilliseconds(sidecar.RetryMaxDelayMs));
});
builder.Services.AddSingleton<NameChangeRunner>();
builder.Services.AddSingleton(sp => new NameChangeDispatcher(
    sp.GetRequiredService<NameChangeRunner>(),
    sp.GetRequiredService<DdnsMetrics>(),
    sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<ILogger<NameChangeDispatcher>>(),
    sp.GetRequiredService<IOptions<SidecarOptions>>().Value.MaxInFlight));
builder.Services.AddHostedService<DispatcherService>();
builder.Services.AddHostedService<NcrListenerService>();

try
{
    await builder.Build().RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"fos1-kea-sidecar: invalid configuration:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", e.Failures)}");
    return 2;
}
