namespace Fos1.AdGuard.Desired;

/// <summary>
/// AdGuard has one list of custom rules (<c>user_rules</c>), and <c>set_rules</c> replaces all of it. fos1 keeps
/// its rules between two comment lines and leaves every line outside them alone (unless it owns everything).
/// </summary>
public static class UserRulesBlock
{
    public const string Begin = "! fos1:begin (managed by the fos1 config sidecar from DNSFilterList/DNSClient; edits inside are overwritten)";
    public const string End = "! fos1:end";

    /// <summary>The full user_rules AdGuard should hold: the foreign lines kept in place, ours in one block.</summary>
    public static IReadOnlyList<string> Merge(IReadOnlyList<string> current, IReadOnlyList<string> ours, bool ownEverything)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(ours);
        var block = ours.Count == 0 ? [] : new List<string>(ours.Count + 2) { Begin }.Concat(ours).Append(End).ToList();
        if (ownEverything)
        {
            return block;
        }

        var foreign = new List<string>();
        var insertAt = -1;
        var inside = false;
        foreach (var line in Trimmed(current))
        {
            if (IsBegin(line))
            {
                inside = true;
                insertAt = insertAt < 0 ? foreign.Count : insertAt;
            }
            else if (inside && line.Trim() == End)
            {
                inside = false;
            }
            else if (!inside)
            {
                foreign.Add(line);
            }
        }

        foreign.InsertRange(insertAt < 0 ? foreign.Count : insertAt, block);
        return foreign;
    }

    /// <summary>AdGuard splits the rules text on newlines, so a trailing empty line is no rule.</summary>
    public static IReadOnlyList<string> Trimmed(IReadOnlyList<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var count = rules.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(rules[count - 1]))
        {
            count--;
        }

        return rules.Take(count).ToList();
    }

    private static bool IsBegin(string line) => line.Trim().StartsWith("! fos1:begin", StringComparison.Ordinal);
}
