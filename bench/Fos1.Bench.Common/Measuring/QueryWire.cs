using System.Buffers.Binary;
using System.Text;

namespace Fos1.Bench.Common.Measuring;

/// <summary>
/// The few octets of DNS the prober needs: a non-recursive query, the reply's id/RCODE/answer count, and an
/// SOA serial. Small enough to own; dig per query would cost a process start per probe.
/// </summary>
public static class QueryWire
{
    public const ushort TypeA = 1;
    public const ushort TypeSoa = 6;
    private const int HeaderLength = 12;

    public static byte[] Query(ushort id, string name, ushort type)
    {
        ArgumentNullException.ThrowIfNull(name);
        var labels = name.TrimEnd('.').Split('.');
        var message = new byte[HeaderLength + labels.Sum(label => label.Length + 1) + 1 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(message, id);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), 1); // QDCOUNT; flags 0: no recursion wanted
        var offset = HeaderLength;
        foreach (var label in labels)
        {
            message[offset++] = (byte)label.Length;
            offset += Encoding.ASCII.GetBytes(label, message.AsSpan(offset));
        }

        message[offset++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset), type);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset + 2), 1); // IN
        return message;
    }

    /// <summary>Id, RCODE and answer count of a reply; false when it is too short or not a response.</summary>
    public static bool TryReadReply(ReadOnlySpan<byte> reply, out ushort id, out int rcode, out int answers)
    {
        id = 0;
        rcode = 0;
        answers = 0;
        if (reply.Length < HeaderLength || (reply[2] & 0x80) == 0)
        {
            return false;
        }

        id = BinaryPrimitives.ReadUInt16BigEndian(reply);
        rcode = reply[3] & 0x0f;
        answers = BinaryPrimitives.ReadUInt16BigEndian(reply[6..]);
        return true;
    }

    /// <summary>The serial of the first answer of an SOA reply.</summary>
    public static bool TryReadSoaSerial(ReadOnlySpan<byte> reply, out uint serial)
    {
        serial = 0;
        if (!TryReadReply(reply, out _, out var rcode, out var answers) || rcode != 0 || answers == 0)
        {
            return false;
        }

        var offset = HeaderLength;
        // Question: name, type, class. Answer: name, type, class, TTL, RDLENGTH, then MNAME, RNAME, SERIAL.
        if (!(SkipName(reply, ref offset) && Skip(reply, ref offset, 4)
            && SkipName(reply, ref offset) && Skip(reply, ref offset, 10)
            && SkipName(reply, ref offset) && SkipName(reply, ref offset)
            && offset + 4 <= reply.Length))
        {
            return false;
        }

        serial = BinaryPrimitives.ReadUInt32BigEndian(reply[offset..]);
        return true;
    }

    private static bool Skip(ReadOnlySpan<byte> message, ref int offset, int count)
    {
        offset += count;
        return offset <= message.Length;
    }

    private static bool SkipName(ReadOnlySpan<byte> message, ref int offset)
    {
        while (offset < message.Length)
        {
            var length = message[offset];
            if (length == 0)
            {
                offset++;
                return true;
            }

            if ((length & 0xc0) == 0xc0)
            {
                offset += 2; // A compression pointer ends the name.
                return offset <= message.Length;
            }

            offset += 1 + length;
        }

        return false;
    }
}
