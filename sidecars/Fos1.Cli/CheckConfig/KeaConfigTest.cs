using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace Fos1.Ctl.CheckConfig;

/// <summary>
/// Kea's own verdict on a configuration file: <c>kea-dhcp4 -t FILE</c> (or kea-dhcp6, kea-ctrl-agent,
/// kea-dhcp-ddns, chosen by the file's top-level object). Only Kea knows every rule, so nothing is re-implemented.
/// </summary>
public static partial class KeaConfigTest
{
    private static readonly string[] SearchDirectories = ["/usr/sbin", "/usr/local/sbin", "/usr/bin"];

    /// <returns>The daemon that reads <paramref name="text"/>: its first top-level object names it.</returns>
    public static string? DaemonFor(string text) => TopLevelObject().Match(text ?? "") is { Success: true } match
        ? match.Groups[1].Value switch
        {
            "Dhcp4" => "kea-dhcp4",
            "Dhcp6" => "kea-dhcp6",
            "Control-agent" => "kea-ctrl-agent",
            "DhcpDdns" => "kea-dhcp-ddns",
            _ => null,
        }
        : null;

    /// <returns>Null when Kea accepts the file, else Kea's message (or why Kea could not be asked).</returns>
    public static async Task<string?> RunAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return "no such file";
        }

        var daemon = DaemonFor(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        if (daemon is null)
        {
            return "no Dhcp4, Dhcp6, Control-agent or DhcpDdns object: not a Kea configuration";
        }

        if (Locate(daemon) is not { } tool)
        {
            return $"{daemon} is not installed (Debian: apt-get install {Package(daemon)}), so Kea could not check this file";
        }

        var result = await Cli.Wrap(tool).WithArguments(["-t", file]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return null;
        }

        // Kea prints its start-up log too; the lines that explain the refusal carry ERROR, "error" or "failed".
        var lines = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(l => l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("rror", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal)).ToList();
        return $"{daemon} -t refused it (exit {result.ExitCode}): {string.Join(" | ", errors.Count > 0 ? errors : lines)}";
    }

    private static string? Locate(string daemon)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return path.Concat(SearchDirectories).Select(d => Path.Combine(d, daemon)).FirstOrDefault(File.Exists);
    }

    private static string Package(string daemon) => daemon switch
    {
        "kea-dhcp4" => "kea-dhcp4-server",
        "kea-dhcp6" => "kea-dhcp6-server",
        "kea-dhcp-ddns" => "kea-dhcp-ddns-server",
        _ => "kea-ctrl-agent",
    };

    [GeneratedRegex("\"(Dhcp4|Dhcp6|Control-agent|DhcpDdns)\"\\s*:\\s*\\{")]
    private static partial Regex TopLevelObject();
}
