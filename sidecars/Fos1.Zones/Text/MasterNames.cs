using System.Text;
using Fos1.Ddns;

namespace Fos1.Zones.Text;

/// <summary>Names in master-file text (RFC 1035 section 5.1): '@', relative and absolute names, escapes.</summary>
internal static class MasterNames
{
    /// <summary>Fully qualified with the trailing dot.</summary>
    public static string Absolute(DnsName name) => name == DnsName.Root ? "." : Escape(name.Labels) + ".";

    /// <summary>'@' for the origin, relative below it, absolute elsewhere.</summary>
    public static string Relative(DnsName name, DnsName origin)
    {
        if (name == origin)
        {
            return "@";
        }

        if (origin == DnsName.Root || !name.IsAtOrBelow(origin))
        {
            return Absolute(name);
        }

        return Escape(name.Labels.Take(name.Labels.Count - origin.Labels.Count));
    }

    /// <summary>Reads a name token relative to <paramref name="origin"/>; null with an error when it is not one.</summary>
    public static DnsName? Parse(string token, DnsName origin, out string? error)
    {
        error = null;
        if (token == "@")
        {
            return origin;
        }

        if (token == ".")
        {
            return DnsName.Root;
        }

        var labels = new List<string>();
        var label = new StringBuilder();
        var absolute = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '\\')
            {
                if (!MasterEscapes.TryDecode(token, ref i, out var octet))
                {
                    error = $"'{token}' ends in a lone backslash";
                    return null;
                }

                if (octet == '.')
                {
                    error = $"'{token}' has a dot inside a label, which this server does not support";
                    return null;
                }

                label.Append((char)octet);
            }
            else if (c == '.')
            {
                if (label.Length == 0)
                {
                    error = $"'{token}' has an empty label";
                    return null;
                }

                labels.Add(label.ToString());
                label.Clear();
                absolute = i == token.Length - 1;
            }
            else
            {
                label.Append(c);
            }
        }

        if (label.Length > 0)
        {
            labels.Add(label.ToString());
        }

        var text = string.Join('.', labels);
        if (!absolute && origin != DnsName.Root)
        {
            text += "." + origin.Text;
        }

        return DnsName.TryParse(text, out var name, out error) ? name : null;
    }

    private static string Escape(IEnumerable<string> labels) => string.Join('.', labels.Select(EscapeLabel));

    // DnsName already forbids the delimiters ( ) ; " \ and blanks; '@' and '$' would be read as the
    // origin or a directive at the start of a token.
    private static string EscapeLabel(string label) =>
        label.Replace("@", "\\@", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);
}
