using Microsoft.Extensions.Configuration;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>
/// How the kea sidecar layers its configuration, shared with fos1ctl so both read the same keys the same way:
/// a D2 configuration file (<c>Fos1:D2ConfigFile</c>) slots in under the environment and the command line,
/// which still override it.
/// </summary>
public static class KeaSidecarConfiguration
{
    public static string D2ConfigFileKey => $"{SidecarOptions.SectionName}:{nameof(SidecarOptions.D2ConfigFile)}";

    /// <summary>Adds the D2 file named by <c>Fos1:D2ConfigFile</c>, then the environment and <paramref name="args"/> again.</summary>
    public static void AddD2ConfigFile(ConfigurationManager configuration, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[D2ConfigFileKey] is { Length: > 0 } d2File)
        {
            configuration.AddJsonFile(Path.GetFullPath(d2File), optional: false, reloadOnChange: false);
            configuration.AddEnvironmentVariables();
            configuration.AddCommandLine(args);
        }
    }
}
