using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Messages;

/// <summary>
/// Copies RDATA with its compressed names expanded: Fos1.Zones stores RDATA uncompressed. Only the
/// RFC 1035-era types with names may be compressed (RFC 3597 section 4); SRV is included because some
/// senders compress it anyway. Every other type is opaque.
/// </summary>
internal static class RdataNames
{
    public static bool TryDecompress(ReadOnlySpan<byte> message, int start, int length, ushort type, out byte[] rdata, out string? error)
    {
        rdata = [];
        error = null;
        var end = start + length;
        if (length == 0)
        {
            return true;
        }

        var layout = Layout(type);
        if (layout is null)
        {
            rdata = message.Slice(start, length).ToArray();
            return true;
        }

        var output = new List<byte>(length + 64);
        var at = start;
        Span<byte> wire = stackalloc byte[WireNameText.MaxWireLength + 1];
        foreach (var part in layout)
        {
            if (part > 0)
            {
                if (at + part > end)
                {
                    error = "RDATA is truncated";
                    return false;
                }

                output.AddRange(message.Slice(at, part));
                at += part;
                continue;
            }

            if (at >= end || !WireNameText.TryReadWire(message, ref at, wire, out var nameLength) || at > end)
            {
                error = "a name in RDATA is truncated, too long, or its compression pointers loop";
                return false;
            }

            output.AddRange(wire[..nameLength]);
        }

        if (at != end)
        {
            error = $"RDATA has {end - at} octets more than its type allows";
            return false;
        }

        rdata = [.. output];
        return true;
    }

    // Positive: that many fixed octets; 0: a name.
    private static int[]? Layout(ushort type) => type switch
    {
        2 or 5 or 12 or 39 => [0],          // NS, CNAME, PTR, DNAME
        6 => [0, 0, 20],                    // SOA: MNAME, RNAME, five 32-bit timers
        15 => [2, 0],                       // MX
        33 => [6, 0],                       // SRV
        _ => null,
    };
}
