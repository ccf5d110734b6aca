using System.Net;
using Fos1.Observability.Configuration;
using Fos1.Observability.Readiness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Fos1.Observability.Endpoint;

/// <summary>
/// A small Kestrel server of its own beside the sidecar's generic host, so the hosts stay plain
/// <c>Host.CreateApplicationBuilder</c> programs: bound first at start-up (the probes find it while the rest
/// starts, Kubernetes or not), serving /metrics, /healthz, /readyz and the host's <see cref="IOperationsRoutes"/>.
/// </summary>
public sealed partial class ObservabilityEndpoint(
    IOptions<ObservabilityOptions> options,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ObservabilityEndpoint> logger) : IHostedService, IAsyncDisposable
{
    public const string MetricsPath = "/metrics";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.HttpEndpoint))
        {
            LogOff();
            return;
        }

        var endpoint = IPEndPoint.Parse(options.Value.HttpEndpoint); // validated at start-up
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var meterProvider = services.GetRequiredService<MeterProvider>();
        var checks = services.GetServices<IReadinessCheck>().ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, context => context.Request.Path == MetricsPath, MetricsPath, null, null);
        app.MapGet(LivenessPath, () => lifetime.ApplicationStopping.IsCancellationRequested
            ? Results.Text("stopping\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok\n", "text/plain"));
        app.MapGet(ReadinessPath, () =>
        {
            var report = ReadinessReport.Evaluate(checks);
            return Results.Text(report.ToText(), "text/plain", statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        foreach (var routes in services.GetServices<IOperationsRoutes>())
        {
            routes.Map(app);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        LogListening(options.Value.HttpEndpoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Observability endpoint on http://{Endpoint} (/metrics, /healthz, /readyz)")]
    private partial void LogListening(string endpoint);

    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "Observability endpoint off (Observability:HttpEndpoint is empty)")]
    private partial void LogOff();
}
