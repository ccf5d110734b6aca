using System.Buffers.Binary;
using System.Text;

namespace Fos1.Testbed.Mdns;

/// <summary>Just enough of the DNS wire format (RFC 1035, RFC 6762) for a PTR query and the PTR answers to it.</summary>
internal static class MdnsWire
{
    private const ushort Ptr = 12;
    private const int HeaderLength = 12;

    /// <summary>A one-question query (id 0, as RFC 6762 section 18.1 asks for multicast queries), class IN, QU bit clear.</summary>
    public static byte[] PtrQuery(string name)
    {
        var message = new List<byte>(new byte[HeaderLength]);
        message[5] = 1;
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var bytes = Encoding.UTF8.GetBytes(label);
            message.Add((byte)bytes.Length);
            message.AddRange(bytes);
        }

        message.AddRange([0, 0, (byte)Ptr, 0, 1]);
        return [.. message];
    }

    /// <summary>The targets of the PTR records owned by <paramref name="owner"/> in a response (any section); none for a query.</summary>
    public static IReadOnlyList<string> PtrTargets(ReadOnlySpan<byte> message, string owner)
    {
        if (message.Length < HeaderLength || (message[2] & 0x80) == 0)
        {
            return [];
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var records = BinaryPrimitives.ReadUInt16BigEndian(message[6..]) + BinaryPrimitives.ReadUInt16BigEndian(message[8..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var offset = HeaderLength;
        for (var i = 0; i < questions; i++)
        {
            ReadName(message, ref offset);
            offset += 4;
        }

        var targets = new List<string>();
        for (var i = 0; i < records; i++)
        {
            var name = ReadName(message, ref offset);
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            offset += 10;
            if (type == Ptr && string.Equals(name, owner.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                var target = offset;
                targets.Add(ReadName(message, ref target));
            }

            offset += length;
        }

        return targets;
    }

    // Labels joined with '.', following compression pointers (bounded, so a pointer loop cannot hang the test).
    private static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        for (var hops = 0; hops < 128; hops++)
        {
            var length = message[position];
            if (length == 0)
            {
                if (!jumped)
                {
                    offset = position + 1;
                }

                return string.Join('.', labels);
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (!jumped)
                {
                    offset = position + 2;
                }

                jumped = true;
                position = BinaryPrimitives.ReadUInt16BigEndian(message[position..]) & 0x3FFF;
                continue;
            }

            labels.Add(Encoding.UTF8.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }

        throw new FormatException("A DNS name with more than 128 labels or compression pointers.");
    }
}
