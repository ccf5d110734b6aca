using Fos1.Sidecars.Kea.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Ctl.Configuration;

/// <summary>
/// Everything the sidecar would refuse at start-up: its option validators, then what only building the pieces
/// shows (a secret-file that cannot be read, a TSIG secret Kea's rules reject, a naming rule that does not compile).
/// </summary>
public static class ConfigurationProblems
{
    public static IReadOnlyList<string> Find(SidecarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            DdnsRoutingFactory.Create(settings.Services.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add($"{DhcpDdnsOptions.SectionName}:tsig-keys: {e.Message}");
        }

        var naming = settings.Services.GetRequiredService<IOptions<NamingOptions>>().Value;
        try
        {
            if (!string.IsNullOrWhiteSpace(naming.QualifyingSuffix))
            {
                naming.CreatePlanner();
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            problems.Add($"Fos1:Naming: {e.Message}");
        }

        return problems;
    }

    /// <returns>True when there were problems (each printed on its own line).</returns>
    public static async Task<bool> PrintAsync(SidecarSettings settings, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problems = Find(settings);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"invalid: {problem}").ConfigureAwait(false);
        }

        return problems.Count > 0;
    }
}
