using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fos1.Ddns.Leases;
using Fos1.Kea.ControlSocket;

namespace Fos1.Kea.Memfile;

/// <summary>Parses one lease-file row by the names in its file's header.</summary>
public static class MemfileRowParser
{
    private const byte Ethernet = 1;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static bool TryParse(MemfileHeader header, string line, [NotNullWhen(true)] out MemfileRow? row, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(line);
        row = null;
        var fields = line.TrimEnd('\r').Split(',');
        if (fields.Length != header.ColumnCount)
        {
            error = $"has {fields.Length} fields, the header has {header.ColumnCount}";
            return false;
        }

        string Field(string column) => header.IndexOf(column) is var at and >= 0 ? fields[at] : "";

        var v6 = header.Family == 6;
        if (!IPAddress.TryParse(Field("address"), out var address)
            || address.AddressFamily != (v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
        {
            error = $"address '{Field("address")}' is not an IPv{header.Family} address";
            return false;
        }

        if (!ColonHex.TryParse(Field("hwaddr"), out var hardwareAddress) || !ColonHex.TryParse(Field("client_id"), out var clientId)
            || !ColonHex.TryParse(Field("duid"), out var duid))
        {
            error = $"lease {address}: hwaddr, client_id or duid is not colon-separated hex";
            return false;
        }

        if (!TryUInt(Field("valid_lifetime"), out var validLifetime) || !long.TryParse(Field("expire"), NumberStyles.None, CultureInfo.InvariantCulture, out var expire)
            || !TryUInt(Field("subnet_id"), out var subnetId) || !TryFlag(Field("fqdn_fwd"), out var forward) || !TryFlag(Field("fqdn_rev"), out var reverse))
        {
            error = $"lease {address}: valid_lifetime, expire, subnet_id, fqdn_fwd or fqdn_rev is not a number";
            return false;
        }

        // Found by MemfileRowParserFuzzTests: an expire past year 9999 made FromUnixTimeSeconds throw.
        if (expire > MaxUnixSeconds)
        {
            error = $"lease {address}: expire {expire} is beyond any representable time";
            return false;
        }

        var stateText = Field("state");
        if (!TryUInt(stateText.Length == 0 ? "0" : stateText, out var state) || state > 2)
        {
            error = $"lease {address}: state '{stateText}' is not 0, 1 or 2";
            return false;
        }

        var type = LeaseType.V4;
        uint iaid = 0;
        var hardwareType = Ethernet;
        if (v6)
        {
            if (!TryUInt(Field("lease_type"), out var typeCode) || typeCode > 2 || !TryUInt(Field("iaid"), out iaid) || duid.Length == 0)
            {
                error = $"lease {address}: a v6 row needs a duid, an iaid and lease_type 0, 1 or 2";
                return false;
            }

            type = typeCode switch { 0 => LeaseType.IaNa, 1 => LeaseType.IaTa, _ => LeaseType.IaPd };
            var hwtype = Field("hwtype");
            if (hwtype.Length > 0 && !byte.TryParse(hwtype, NumberStyles.None, CultureInfo.InvariantCulture, out hardwareType))
            {
                error = $"lease {address}: hwtype '{hwtype}' is not a hardware type";
                return false;
            }
        }

        var hostname = Unescape(Field("hostname"));
        row = new MemfileRow(
            new Lease(
                address, type, hardwareType,
                hardwareAddress.Length == 0 ? null : hardwareAddress,
                clientId.Length == 0 ? null : clientId,
                duid.Length == 0 ? null : duid,
                iaid,
                hostname.Length == 0 ? null : hostname,
                forward, reverse, validLifetime,
                DateTimeOffset.FromUnixTimeSeconds(expire),
                subnetId),
            (KeaLeaseState)state);
        error = null;
        return true;
    }

    /// <summary>Kea escapes a comma inside a value as <c>&amp;#x2c</c> (any octet as <c>&amp;#xHH</c>).</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.IndexOf("&#x", StringComparison.Ordinal);
        if (at < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var start = 0;
        for (; at >= 0; at = value.IndexOf("&#x", start, StringComparison.Ordinal))
        {
            result.Append(value, start, at - start);
            if (at + 5 <= value.Length && Uri.IsHexDigit(value[at + 3]) && Uri.IsHexDigit(value[at + 4]))
            {
                result.Append((char)Convert.ToByte(value.Substring(at + 3, 2), 16));
                start = at + 5;
            }
            else
            {
                result.Append("&#x");
                start = at + 3;
            }
        }

        return result.Append(value, start, value.Length - start).ToString();
    }

    private static bool TryUInt(string text, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryFlag(string text, out bool value)
    {
        value = text is "1" or "true";
        return text is "0" or "1" or "true" or "false";
    }
}
