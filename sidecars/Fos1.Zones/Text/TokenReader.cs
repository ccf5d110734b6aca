using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns;

namespace Fos1.Zones.Text;

/// <summary>Reads the RDATA fields of one entry in order.</summary>
internal sealed class TokenReader(IReadOnlyList<Token> tokens, DnsName origin)
{
    private int _at;

    public IPAddress Address(AddressFamily family)
    {
        var text = Next("an address").Text;
        // IPAddress.TryParse also takes the historic short forms ("192.0.2" is 192.0.0.2); zone files
        // spell IPv4 as four decimal octets.
        var dottedQuad = family != AddressFamily.InterNetwork || text.Split('.').Length == 4;
        return dottedQuad && IPAddress.TryParse(text, out var address) && address.AddressFamily == family
            ? address
            : throw new FormatException($"'{text}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
    }

    public DnsName Name()
    {
        var text = Next("a name").Text;
        return MasterNames.Parse(text, origin, out var error) ?? throw new FormatException(error);
    }

    public ushort U16()
    {
        var text = Next("a number").Text;
        return ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a number from 0 to 65535");
    }

    public uint U32()
    {
        var text = Next("a number").Text;
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a 32-bit number");
    }

    public uint Ttl()
    {
        var text = Next("a time").Text;
        return TtlText.TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a time");
    }

    /// <summary>All remaining fields as character-strings, escapes decoded.</summary>
    public IReadOnlyList<byte[]> RemainingStrings()
    {
        var strings = new List<byte[]>();
        for (; _at < tokens.Count; _at++)
        {
            strings.Add(Octets(tokens[_at].Text));
        }

        return strings.Count > 0 ? strings : throw new FormatException("TXT needs at least one string");
    }

    /// <summary>All remaining fields joined as base64 (DHCID may be split over lines).</summary>
    public byte[] RemainingBase64()
    {
        var text = string.Concat(tokens.Skip(_at).Select(t => t.Text));
        _at = tokens.Count;
        return Convert.FromBase64String(text);
    }

    public void ExpectEnd()
    {
        if (_at < tokens.Count)
        {
            throw new FormatException($"unexpected '{tokens[_at].Text}' after the RDATA");
        }
    }

    private Token Next(string what) =>
        _at < tokens.Count ? tokens[_at++] : throw new FormatException($"the RDATA ends where {what} should be");

    private static byte[] Octets(string text)
    {
        var octets = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                octets.Add(MasterEscapes.TryDecode(text, ref i, out var octet) ? octet : throw new FormatException($"bad escape in '{text}'"));
            }
            else if (text[i] > '~')
            {
                octets.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
            }
            else
            {
                octets.Add((byte)text[i]);
            }
        }

        return octets.Count <= 255 ? [.. octets] : throw new FormatException($"a character-string of {octets.Count} octets is longer than 255");
    }
}
