using System.Diagnostics.CodeAnalysis;
using System.Text;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Messages;

/// <summary>Reads a possibly compressed name and turns it into a <see cref="DnsName"/>, keeping its spelling.</summary>
internal static class WireNameText
{
    public const int MaxWireLength = 255;

    /// <summary>Reads the name's uncompressed wire form (spelling kept) into <paramref name="wire"/>.</summary>
    public static bool TryReadWire(ReadOnlySpan<byte> message, ref int offset, Span<byte> wire, out int length) =>
        WireReader.TryReadName(message, ref offset, wire, out length, lowerCase: false);

    public static bool TryRead(ReadOnlySpan<byte> message, ref int offset, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        Span<byte> wire = stackalloc byte[MaxWireLength + 1];
        if (!TryReadWire(message, ref offset, wire, out var length))
        {
            error = "name is truncated, too long, or its compression pointers loop";
            return false;
        }

        return TryFromWire(wire[..length], out name, out error);
    }

    public static bool TryFromWire(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        var text = new StringBuilder(wire.Length);
        for (var at = 0; wire[at] != 0; at += 1 + wire[at])
        {
            var label = wire.Slice(at + 1, wire[at]);
            if (label.Contains((byte)'.'))
            {
                error = "a label contains '.', which this server cannot represent";
                return false;
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            foreach (var b in label)
            {
                text.Append((char)b);
            }
        }

        return DnsName.TryParse(text.ToString(), out name, out error);
    }
}
