using System.Globalization;
using System.Net.Sockets;
using Fos1.Crds.Validation;

namespace Fos1.Crds.Dns;

/// <summary>
/// Basic zone-file presentation syntax of a static record's RDATA: enough to refuse a typo before it
/// reaches the zone, not a full RFC 1035 master-file parser.
/// </summary>
internal static class RecordValueSyntax
{
    public static readonly IReadOnlySet<string> StaticTypes =
        new HashSet<string>(StringComparer.Ordinal) { "A", "AAAA", "CNAME", "TXT", "MX", "SRV", "NS", "PTR", "CAA" };

    public static readonly IReadOnlySet<string> UpdatableTypes =
        new HashSet<string>(StringComparer.Ordinal) { "A", "AAAA", "CNAME", "TXT", "MX", "SRV", "NS", "PTR", "CAA", "DHCID" };

    /// <summary>Null when <paramref name="value"/> is valid RDATA for <paramref name="type"/>, else what is wrong.</summary>
    public static string? Check(string type, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is required";
        }

        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return type switch
        {
            "A" => Syntax.TryAddress(value, AddressFamily.InterNetwork, out _, out var error) ? null : error,
            "AAAA" => Syntax.TryAddress(value, AddressFamily.InterNetworkV6, out _, out var error) ? null : error,
            "CNAME" or "NS" or "PTR" => fields.Length == 1 ? Target(value) : $"'{value}' must be a single name",
            "MX" => fields.Length == 2
                ? Number(fields[0], "preference", 65535) ?? Target(fields[1])
                : $"'{value}' is not 'preference exchange'",
            "SRV" => fields.Length == 4
                ? Number(fields[0], "priority", 65535) ?? Number(fields[1], "weight", 65535) ?? Number(fields[2], "port", 65535) ?? Target(fields[3])
                : $"'{value}' is not 'priority weight port target'",
            "TXT" => Text(value),
            "CAA" => Caa(value, fields),
            _ => null,
        };
    }

    private static string? Target(string name) => name == "." ? null : Syntax.AbsoluteName(name);

    private static string? Number(string text, string what, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max
            ? null
            : $"{what} '{text}' is not a number in 0..{max}";

    /// <summary>One or more character-strings, quoted or not, each at most 255 octets.</summary>
    private static string? Text(string value)
    {
        var strings = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == ' ')
            {
                i++;
                continue;
            }

            var length = 0;
            if (value[i] == '"')
            {
                i++;
                while (i < value.Length && value[i] != '"')
                {
                    i += value[i] == '\\' ? 2 : 1;
                    length++;
                }

                if (i >= value.Length)
                {
                    return "has an unterminated quoted string";
                }

                i++;
            }
            else
            {
                while (i < value.Length && value[i] != ' ')
                {
                    if (value[i] == '"')
                    {
                        return "has a quote inside an unquoted string";
                    }

                    i += value[i] == '\\' ? 2 : 1;
                    length++;
                }
            }

            if (length > 255)
            {
                return $"character-string {strings + 1} is {length} characters long, more than 255";
            }

            strings++;
        }

        return null;
    }

    /// <summary>RFC 8659: flags tag value, e.g. <c>0 issue "letsencrypt.org"</c>.</summary>
    private static string? Caa(string value, string[] fields)
    {
        if (fields.Length < 3)
        {
            return $"'{value}' is not 'flags tag value'";
        }

        if (Number(fields[0], "flags", 255) is { } error)
        {
            return error;
        }

        if (!fields[1].All(char.IsAsciiLetterOrDigit))
        {
            return $"tag '{fields[1]}' may hold only letters and digits";
        }

        var rest = value[(value.IndexOf(fields[1], value.IndexOf(' ', StringComparison.Ordinal), StringComparison.Ordinal) + fields[1].Length)..].Trim();
        var quoted = rest.Length >= 2 && rest[0] == '"' && rest[^1] == '"';
        return quoted || !rest.Contains(' ', StringComparison.Ordinal) ? null : "a value with spaces must be quoted";
    }
}
