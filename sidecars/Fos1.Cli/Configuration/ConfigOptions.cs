using System.CommandLine;

namespace Fos1.Ctl.Configuration;

/// <summary>
/// How plan and check-config are told the sidecar's configuration: <c>--config FILE</c> (repeatable) plus any
/// argument in the sidecar's own form (<c>--Fos1:Reconciliation:Dhcp4ControlSocket=/run/kea/kea4-ctrl-socket</c>).
/// </summary>
internal sealed class ConfigOptions
{
    public Option<string[]> Files { get; } = new("--config")
    {
        Description = "A sidecar appsettings.json or kea-dhcp-ddns.conf (repeatable; later files win). Further --Section:Key=value arguments override, as for the sidecar",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.TreatUnmatchedTokensAsErrors = false;
    }

    /// <summary>Loads the settings; a missing or broken file is printed and null returned (exit code 2).</summary>
    public async Task<SidecarSettings?> LoadAsync(ParseResult parsed)
    {
        var overrides = parsed.UnmatchedTokens.ToArray();
        var error = parsed.InvocationConfiguration.Error;
        foreach (var token in overrides.Where(t => t.StartsWith('-') && (!t.StartsWith("--", StringComparison.Ordinal) || !t.Contains(':', StringComparison.Ordinal))))
        {
            await error.WriteLineAsync($"fos1ctl: '{token}' is neither an option nor a --Section:Key=value setting").ConfigureAwait(false);
            return null;
        }

        try
        {
            return SidecarSettings.Load(parsed.GetValue(Files) ?? [], overrides);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"fos1ctl: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
