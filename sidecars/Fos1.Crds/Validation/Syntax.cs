using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Fos1.Ddns;

namespace Fos1.Crds.Validation;

/// <summary>The field syntaxes several kinds share; each check returns null or what is wrong.</summary>
internal static partial class Syntax
{
    /// <summary>A domain as the CRDs spell it: no trailing dot, letters/digits/hyphen/underscore labels.</summary>
    public static string? Domain(string? text) =>
        string.IsNullOrEmpty(text) ? "is required"
        : text.EndsWith('.') ? $"'{text}' must not end with a dot"
        : Name(text);

    /// <summary>An absolute name whose trailing dot is optional.</summary>
    public static string? AbsoluteName(string? text) =>
        string.IsNullOrEmpty(text) || text == "." ? "is required" : Name(text);

    public static string? Name(string text)
    {
        if (!DnsName.TryParse(text, out var name, out var error))
        {
            return error;
        }

        foreach (var label in name.Labels)
        {
            if (!NameLabel().IsMatch(label))
            {
                return $"label '{label}' of '{text}' may hold only letters, digits, '-' and '_', and not start or end with '-'";
            }
        }

        return null;
    }

    public static bool TryNetwork(string? text, AddressFamily family, [NotNullWhen(true)] out IPNetwork? network, [NotNullWhen(false)] out string? error)
    {
        network = null;
        if (!TryPrefix(text, out var parsed))
        {
            error = $"'{text}' is not a network prefix (address/length without host bits)";
            return false;
        }

        if (parsed.BaseAddress.AddressFamily != family)
        {
            error = $"'{text}' is not an {FamilyName(family)} prefix";
            return false;
        }

        network = parsed;
        error = null;
        return true;
    }

    /// <summary>
    /// "address/length" with no host bits set. IPNetwork.TryParse alone is not enough: it masks host bits
    /// (192.168.1.5/24 reads as 192.168.1.0/24) and takes "192.168.1" as 192.168.0.1.
    /// </summary>
    public static bool TryPrefix(string? text, out IPNetwork network)
    {
        network = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0 || !IPNetwork.TryParse(text, out var parsed) || !IPAddress.TryParse(text.AsSpan(0, slash), out var address))
        {
            return false;
        }

        if (!address.Equals(parsed.BaseAddress) || (address.AddressFamily == AddressFamily.InterNetwork && !DottedQuad().IsMatch(text.AsSpan(0, slash))))
        {
            return false;
        }

        network = parsed;
        return true;
    }

    public static bool TryAddress(string? text, AddressFamily family, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out var parsed) || text.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{text}' is not an {FamilyName(family)} address";
            return false;
        }

        if (parsed.AddressFamily != family || (family == AddressFamily.InterNetwork && !DottedQuad().IsMatch(text)))
        {
            error = $"'{text}' is not an {FamilyName(family)} address";
            return false;
        }

        address = parsed;
        error = null;
        return true;
    }

    /// <summary>Six colon-separated octets, the form Kea's hw-address takes.</summary>
    public static bool IsMac(string text) => Mac().IsMatch(text);

    /// <summary>Six octets separated by ':' or '-' (AdGuard Home accepts both).</summary>
    public static bool IsMacAnySeparator(string text) => Mac().IsMatch(text) || HyphenMac().IsMatch(text);

    /// <summary>Hex octets separated by colons ("01:aa:bb") or run together ("01aabb").</summary>
    public static bool IsHexOctets(string text, int minOctets, int maxOctets)
    {
        var octets = text.Contains(':', StringComparison.Ordinal)
            ? ColonHex().IsMatch(text) ? (text.Length + 1) / 3 : -1
            : PlainHex().IsMatch(text) ? text.Length / 2 : -1;
        return octets >= minOctets && octets <= maxOctets;
    }

    public static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^(?!-)[A-Za-z0-9_-]+(?<!-)$")]
    private static partial Regex NameLabel();

    [GeneratedRegex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex Mac();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex HyphenMac();

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*$")]
    private static partial Regex ColonHex();

    [GeneratedRegex("^([0-9A-Fa-f]{2})+$")]
    private static partial Regex PlainHex();
}
