using System.Text.RegularExpressions;
using Fos1.Manifests.Tests.Crds;

namespace Fos1.Manifests.Tests.Observability;

/// <summary>One row of the metric tables in docs/operations.md's "Metrics" section.</summary>
internal sealed record DocumentedMetric(string PrometheusName, string Instrument, string Type, string Unit)
{
    public IEnumerable<string> Series => PrometheusNaming.SeriesOf(PrometheusName, Type);
}

/// <summary>docs/operations.md and docs/troubleshooting.md as the tests read them.</summary>
internal static partial class OperationsDoc
{
    public static string OperationsPath => Path.Combine(ManifestFolder.Root, "docs", "operations.md");

    public static string TroubleshootingPath => Path.Combine(ManifestFolder.Root, "docs", "troubleshooting.md");

    /// <summary>The rows of every table under "## Metrics" (up to the next "## " heading).</summary>
    public static IReadOnlyList<DocumentedMetric> Metrics() =>
        TableRows(Section(File.ReadAllText(OperationsPath), "Metrics"))
            .Where(cells => cells.Count >= 4 && cells[0].StartsWith('`'))
            .Select(cells => new DocumentedMetric(Unquote(cells[0]), Unquote(cells[1]), cells[2], cells[3]))
            .ToList();

    /// <summary>The alert names in the first column of the table under "## Alerts".</summary>
    public static IReadOnlyList<string> Alerts() =>
        TableRows(Section(File.ReadAllText(OperationsPath), "Alerts"))
            .Where(cells => cells.Count > 0 && cells[0].StartsWith('`'))
            .Select(cells => Unquote(cells[0]))
            .ToList();

    /// <summary>GitHub's anchors of the headings of docs/troubleshooting.md.</summary>
    public static IReadOnlySet<string> TroubleshootingAnchors() =>
        File.ReadLines(TroubleshootingPath)
            .Where(line => line.StartsWith('#'))
            .Select(line => Slug(line.TrimStart('#').Trim()))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.</summary>
    public static string Slug(string heading) =>
        new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    private static string Section(string markdown, string title)
    {
        var start = markdown.IndexOf("\n## " + title + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/operations.md has no \"## {title}\" section");
        }

        var end = markdown.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static IEnumerable<IReadOnlyList<string>> TableRows(string section) =>
        section.Split('\n')
            .Where(line => line.StartsWith('|') && !SeparatorRow().IsMatch(line))
            .Select(line => (IReadOnlyList<string>)line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList());

    private static string Unquote(string cell) => cell.Trim('`');

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+\s*$")]
    private static partial Regex SeparatorRow();
}
