using System.Buffers.Binary;
using System.Text;

namespace Fos1.Bench.Dns.Measuring;

/// <summary>The few octets of DNS the probes need: a non-recursive query and the reply's id, RCODE and answer count.</summary>
public static class QueryWire
{
    public const ushort TypeA = 1;
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
}
