using Fos1.Kubernetes.Hosting;
using Fos1.Sidecars.Kea.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Fos1.Ctl.Configuration;

/// <summary>
/// The kea sidecar's configuration as the sidecar itself would see it: appsettings.json beside the binary (in the
/// image: the sidecar's own), the <c>--config</c> files, the environment, <c>--Key=value</c> arguments, and a D2 file
/// named by <c>Fos1:D2ConfigFile</c>; bound to the sidecar's option classes with the sidecar's validators.
/// </summary>
public sealed class SidecarSettings : IDisposable
{
    private SidecarSettings(ServiceProvider services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    public IServiceProvider Services { get; }

    public IConfiguration Configuration { get; }

    /// <param name="files">JSON files (appsettings or kea-dhcp-ddns.conf shaped), later ones win.</param>
    /// <param name="overrides">Arguments in the sidecar's own form: <c>--Fos1:Reconciliation:PageSize=500</c>.</param>
    /// <param name="baseDirectory">Where an appsettings.json is looked for; null: beside fos1ctl.</param>
    /// <exception cref="InvalidDataException">A file is missing or not JSON; the message names it.</exception>
    public static SidecarSettings Load(IReadOnlyList<string> files, string[] overrides, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var configuration = new ConfigurationManager();
        var beside = Path.Combine(baseDirectory ?? AppContext.BaseDirectory, "appsettings.json");
        try
        {
            configuration.AddJsonFile(beside, optional: true, reloadOnChange: false);
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    throw new InvalidDataException($"--config {file}: no such file");
                }

                configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            }

            configuration.AddEnvironmentVariables();
            configuration.AddCommandLine(overrides);
            KeaSidecarConfiguration.AddD2ConfigFile(configuration, overrides);
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidDataException)
        {
            throw new InvalidDataException(Describe(e), e);
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddKeaSidecarOptions(configuration);
        services.AddKubernetesLayer(configuration);
        return new SidecarSettings(services.BuildServiceProvider(), configuration);
    }

    /// <summary>Every start-up validation failure of the sidecar, one line each, naming the key.</summary>
    public IReadOnlyList<string> Problems() => KeaSidecarOptionsRegistration.Problems(Services);

    public void Dispose() => ((IDisposable)Services).Dispose();

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(": ", messages.Distinct());
    }
}
