using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Fos1.Crds.Validation;
using Fos1.Ddns;

namespace Fos1.Crds.Dns;

/// <summary>The reverse zone a PTRZone's network maps to (192.168.1.0/24 -> 1.168.192.in-addr.arpa).</summary>
public static class ReverseZone
{
    /// <summary>
    /// Only prefixes on a label boundary have a zone of their own: IPv4 /8, /16, /24 (RFC 2317 classless
    /// delegation is out of scope) and IPv6 lengths that are a multiple of 4 (one nibble per label).
    /// </summary>
    public static bool TryFor(string? network, [NotNullWhen(true)] out DnsName? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        if (!Syntax.TryPrefix(network, out var parsed))
        {
            error = $"'{network}' is not a network prefix (address/length without host bits)";
            return false;
        }

        var ipv4 = parsed.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        var bitsPerLabel = ipv4 ? 8 : 4;
        var length = parsed.PrefixLength;
        if (ipv4 ? length is not (8 or 16 or 24) : length == 0 || length % 4 != 0)
        {
            error = ipv4
                ? $"IPv4 prefix length /{length} is not /8, /16 or /24"
                : $"IPv6 prefix length /{length} is not a positive multiple of 4";
            return false;
        }

        var name = ReverseName.For(parsed.BaseAddress);
        var totalLabels = ipv4 ? 4 : 32;
        for (var i = 0; i < totalLabels - (length / bitsPerLabel); i++)
        {
            name = name.Parent!;
        }

        zone = name;
        error = null;
        return true;
    }

    public static DnsName For(string network) =>
        TryFor(network, out var zone, out var error) ? zone : throw new FormatException(error);
}
