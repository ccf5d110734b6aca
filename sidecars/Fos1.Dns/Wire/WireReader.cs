using System.Buffers.Binary;

namespace Fos1.Dns.Wire;

/// <summary>Bounds-checked reads from a received message; every method fails soft (returns false).</summary>
internal static class WireReader
{
    private const int MaxPointerJumps = 64;

    public static bool TryU16(ReadOnlySpan<byte> message, ref int offset, out ushort value)
    {
        value = 0;
        if (offset + 2 > message.Length)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        offset += 2;
        return true;
    }

    public static bool TryU32(ReadOnlySpan<byte> message, ref int offset, out uint value)
    {
        value = 0;
        if (offset + 4 > message.Length)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(message[offset..]);
        offset += 4;
        return true;
    }

    public static bool TryU48(ReadOnlySpan<byte> message, ref int offset, out ulong value)
    {
        value = 0;
        if (!TryU16(message, ref offset, out var high) || !TryU32(message, ref offset, out var low))
        {
            return false;
        }

        value = ((ulong)high << 32) | low;
        return true;
    }

    public static bool TrySkip(ReadOnlySpan<byte> message, ref int offset, int count)
    {
        if (count < 0 || offset + count > message.Length)
        {
            return false;
        }

        offset += count;
        return true;
    }

    /// <summary>
    /// Reads a possibly compressed name at <paramref name="offset"/>, advancing past it, and writes
    /// its canonical (lower-case, uncompressed) form to <paramref name="canonical"/>; with
    /// <paramref name="lowerCase"/> false the spelling is kept (a server stores names as sent).
    /// </summary>
    public static bool TryReadName(ReadOnlySpan<byte> message, ref int offset, Span<byte> canonical, out int canonicalLength, bool lowerCase = true)
    {
        canonicalLength = 0;
        var cursor = offset;
        var end = -1;
        for (var jumps = 0; ;)
        {
            if (cursor >= message.Length)
            {
                return false;
            }

            var length = message[cursor];
            if ((length & 0xC0) == 0xC0)
            {
                if (cursor + 1 >= message.Length || ++jumps > MaxPointerJumps)
                {
                    return false;
                }

                if (end < 0)
                {
                    end = cursor + 2;
                }

                cursor = ((length & 0x3F) << 8) | message[cursor + 1];
                continue;
            }

            if ((length & 0xC0) != 0 || cursor + 1 + length > message.Length || canonicalLength + 1 + length > canonical.Length)
            {
                return false;
            }

            canonical[canonicalLength++] = length;
            if (length == 0)
            {
                offset = end < 0 ? cursor + 1 : end;
                return true;
            }

            foreach (var b in message.Slice(cursor + 1, length))
            {
                canonical[canonicalLength++] = lowerCase && b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
            }

            cursor += 1 + length;
        }
    }

    public static bool TrySkipName(ReadOnlySpan<byte> message, ref int offset) =>
        TryReadName(message, ref offset, stackalloc byte[256], out _);
}
