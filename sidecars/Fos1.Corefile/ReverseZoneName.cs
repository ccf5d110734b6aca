using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns;

namespace Fos1.Corefile;

/// <summary>The reverse zone a PTRZone's CIDR delegates: <c>192.168.1.0/24</c> -> <c>1.168.192.in-addr.arpa</c>.</summary>
public static class ReverseZoneName
{
    /// <summary>
    /// IPv4 prefixes must end on an octet (/8, /16, /24, /32) and IPv6 prefixes on a nibble (/4 .. /128),
    /// because a reverse zone is a whole label; other lengths need RFC 2317 classless delegation, which
    /// is out of scope. Host bits must be zero so that a typo does not silently name another zone.
    /// </summary>
    /// <exception cref="FormatException">The text is not a CIDR, the prefix is off a boundary, or host bits are set.</exception>
    public static string For(string cidr)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw new FormatException($"'{cidr}' is not a CIDR: the /prefix length is missing");
        }

        if (!IPAddress.TryParse(cidr.AsSpan(0, slash), out var network) ||
            !int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            throw new FormatException($"'{cidr}' is not a CIDR (ADDRESS/PREFIX)");
        }

        // IPAddress.TryParse takes the legacy short forms ("192.168.1" is 192.168.0.1): a PTRZone means the dotted quad.
        if (network.AddressFamily == AddressFamily.InterNetwork && cidr.AsSpan(0, slash).Count('.') != 3)
        {
            throw new FormatException($"'{cidr}' is not a CIDR: an IPv4 network needs all four octets");
        }

        var (bits, step) = network.AddressFamily == AddressFamily.InterNetwork ? (32, 8) : (128, 4);
        if (prefix < step || prefix > bits || prefix % step != 0)
        {
            var kind = step == 8 ? "an octet boundary (/8, /16, /24 or /32)" : "a nibble boundary (a multiple of 4 from /4 to /128)";
            throw new FormatException(
                $"'{cidr}': a reverse zone needs a prefix on {kind}; /{prefix} would need RFC 2317 classless delegation");
        }

        if (HasHostBits(network.GetAddressBytes(), prefix))
        {
            throw new FormatException($"'{cidr}': host bits are set after /{prefix}");
        }

        // The address's full reverse name minus the labels the host part would fill.
        var full = ReverseName.For(network).Labels;
        var hostLabels = (bits - prefix) / step;
        var zone = full.Skip(hostLabels).ToArray();
        return string.Join('.', zone);
    }

    private static bool HasHostBits(byte[] octets, int prefix)
    {
        for (var bit = prefix; bit < octets.Length * 8; bit++)
        {
            if ((octets[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
