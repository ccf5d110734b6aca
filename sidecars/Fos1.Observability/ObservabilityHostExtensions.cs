using Fos1.Observability.Configuration;
using Fos1.Observability.Endpoint;
using Fos1.Observability.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Fos1.Observability;

public static class ObservabilityHostExtensions
{
    /// <summary>Every meter of ours; the runtime's own meter adds GC, heap, thread pool and CPU basics for free.</summary>
    public static readonly IReadOnlyList<string> Meters = ["Fos1.*", "System.Runtime"];

    /// <summary>
    /// The "Observability" section for one sidecar: metrics of every Fos1.* meter, the HTTP endpoint (registered as the
    /// first hosted service, so call this before adding the others), JSON console logs when asked, and the recent
    /// problems /status shows. Register <c>IReadinessCheck</c>s and <see cref="IOperationsRoutes"/> beside it.
    /// </summary>
    /// <param name="sidecar">"kea", "dns" or "config".</param>
    /// <param name="defaultHttpEndpoint">The endpoint when the configuration names none, e.g. "0.0.0.0:9101".</param>
    public static IHostApplicationBuilder AddSidecarObservability(this IHostApplicationBuilder builder, string sidecar, string defaultHttpEndpoint)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ObservabilityOptions.SectionName);
        services.AddOptions<ObservabilityOptions>().Configure(o => o.HttpEndpoint = defaultHttpEndpoint).Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SidecarIdentity.Of(sidecar, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RecentProblems(sp.GetRequiredService<TimeProvider>()));
        builder.Logging.Services.AddSingleton<ILoggerProvider, RecentProblemsLoggerProvider>();
        if (section.GetValue<bool>(nameof(ObservabilityOptions.JsonLogs)))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.IncludeScopes = false;
                json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }

        services.AddMetrics();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"fos1-{sidecar}-sidecar", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                foreach (var meter in Meters)
                {
                    metrics.AddMeter(meter);
                }

                metrics.AddView(MetricStreams.ViewFor);
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            });
        services.AddSingleton<ObservabilityEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<ObservabilityEndpoint>());
        return builder;
    }
}
