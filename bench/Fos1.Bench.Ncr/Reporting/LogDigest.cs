using System.Text.RegularExpressions;

namespace Fos1.Bench.Ncr.Reporting;

/// <summary>
/// Follows a target's recent output (a bounded ring of lines) and sums up what is new since the last look:
/// count per Kea message id (DHCP_DDNS_*), per .NET log category and event id, or per named update failure.
/// </summary>
public sealed partial class LogDigest
{
    private string? _lastSeenLine;

    /// <summary>Lines written since the previous call (all kept lines when the previous last line was evicted).</summary>
    public IReadOnlyList<string> NewLines(string recentOutput) => NewLinesChecked(recentOutput).Lines;

    /// <summary>As <see cref="NewLines"/>; <c>Overran</c> when the previous last line is gone, so lines were missed.</summary>
    public (IReadOnlyList<string> Lines, bool Overran) NewLinesChecked(string recentOutput)
    {
        ArgumentNullException.ThrowIfNull(recentOutput);
        var lines = recentOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var seen = _lastSeenLine is null ? -1 : Array.LastIndexOf(lines, _lastSeenLine);
        var overran = _lastSeenLine is not null && seen < 0;
        if (lines.Length > 0)
        {
            _lastSeenLine = lines[^1];
        }

        return (lines[(seen + 1)..], overran);
    }

    public static bool IsInteresting(string line) => Key(line) is not null;

    /// <summary>"KEY xCOUNT" per kind of line, most frequent first.</summary>
    public static IReadOnlyList<string> Summarize(IEnumerable<string> lines) =>
        [.. lines.Select(Key).Where(key => key is not null).GroupBy(key => key!)
            .OrderByDescending(group => group.Count())
            .Select(group => $"{group.Key} x{group.Count()}")];

    private static string? Key(string line)
    {
        var kea = KeaMessageId().Match(line);
        if (kea.Success)
        {
            return kea.Value;
        }

        var dotnet = DotnetCategory().Match(line);
        if (dotnet.Success)
        {
            return dotnet.Value;
        }

        // "update failed: too many DNS UPDATEs queued (quota reached)";
        // "update unsuccessful: NAME: 'name not in use' prerequisite not satisfied (YXDOMAIN)" without the NAME.
        var failed = line.IndexOf("update failed: ", StringComparison.Ordinal);
        if (failed >= 0)
        {
            return line[failed..].Trim();
        }

        var unsuccessful = line.IndexOf("update unsuccessful: ", StringComparison.Ordinal);
        if (unsuccessful < 0)
        {
            return null;
        }

        var reason = line.IndexOf(": ", unsuccessful + "update unsuccessful: ".Length, StringComparison.Ordinal);
        return "update unsuccessful: " + (reason < 0 ? "" : line[(reason + 2)..].Trim());
    }

    [GeneratedRegex(@"\b(DHCP_DDNS|DCTL|DHCP)_[A-Z0-9_]+\b")]
    private static partial Regex KeaMessageId();

    [GeneratedRegex(@"\b(warn|fail|crit): [\w.]+\[\d+\]")]
    private static partial Regex DotnetCategory();
}
