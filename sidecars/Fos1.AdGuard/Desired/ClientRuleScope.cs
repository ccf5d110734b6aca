using System.Net;
using System.Text;

namespace Fos1.AdGuard.Desired;

/// <summary>
/// Limits an AdGuard rule to named persistent clients with the <c>$client</c> modifier:
/// <c>||ads.example^$client='Kids tablet'|'Other'</c>. Names are quoted, and quotes, commas and pipes inside
/// them are backslash-escaped (AdGuard's DNS filtering syntax). A rule that already has modifiers gets
/// <c>,client=...</c> appended.
/// </summary>
public static class ClientRuleScope
{
    /// <summary>The scoped rule, or null with the reason when the rule cannot be limited to a client.</summary>
    public static string? Scope(string rule, IReadOnlyList<string> clientNames, out string? error)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(clientNames);
        error = null;
        var text = rule.Trim();
        var firstToken = text.Split([' ', '\t'], 2)[0];
        if (text.Contains(' ', StringComparison.Ordinal) && IPAddress.TryParse(firstToken, out _))
        {
            error = "an /etc/hosts-style rule cannot take the $client modifier; write it as ||name^";
            return null;
        }

        var modifiers = ModifierStart(text);
        if (modifiers >= 0)
        {
            var existing = text[(modifiers + 1)..];
            if (existing.Split(',').Any(m => m.TrimStart('~').StartsWith("client=", StringComparison.Ordinal) || m.StartsWith("ctag=", StringComparison.Ordinal)))
            {
                error = "the rule already limits itself with $client or $ctag";
                return null;
            }
        }

        var value = string.Join('|', clientNames.Select(Quote));
        return modifiers >= 0 ? $"{text},client={value}" : $"{text}$client={value}";
    }

    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var quoted = new StringBuilder("'");
        foreach (var c in name)
        {
            if (c is '\'' or '"' or ',' or '|')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('\'').ToString();
    }

    // A regex rule (/.../) may contain '$' itself; modifiers then follow the closing slash.
    private static int ModifierStart(string rule)
    {
        var searchFrom = 0;
        if (rule.StartsWith('/') || rule.StartsWith("@@/", StringComparison.Ordinal))
        {
            var close = rule.LastIndexOf('/');
            searchFrom = close > 0 ? close : rule.Length;
        }

        var last = rule.LastIndexOf('$');
        return last >= searchFrom ? last : -1;
    }
}
