using System.Diagnostics.CodeAnalysis;
using Fos1.Ddns;

namespace Fos1.Corefile;

/// <summary>
/// A zone name as a Corefile server block key: lower case, no trailing dot. Stricter than a DNS name
/// (letters, digits, '-' and '_' only), because the Corefile parser gives other characters meaning.
/// </summary>
internal static class CorefileZoneName
{
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? problem)
    {
        name = null;
        if (!DnsName.TryParse(text, out var parsed, out problem))
        {
            return false;
        }

        if (parsed.Labels.Count == 0)
        {
            problem = "the root zone is the forwarding block, not a zone of the dns sidecar";
            return false;
        }

        var bad = parsed.Labels.FirstOrDefault(label =>
            !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || label.StartsWith('-') || label.EndsWith('-'));
        if (bad is not null)
        {
            problem = $"label '{bad}' may only hold letters, digits, '-' (not at its ends) and '_'";
            return false;
        }

        name = parsed.Text.ToLowerInvariant();
        return true;
    }
}
