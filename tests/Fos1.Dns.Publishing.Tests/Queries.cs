using System.Buffers.Binary;
using System.Text;

namespace Fos1.Dns.Publishing.Tests;

/// <summary>Query messages built by hand, so the tests do not trust the code under test to write them.</summary>
internal static class Queries
{
    public static byte[] For(string name, ushort type, ushort id = 0x1234, bool recursionDesired = true, ushort @class = 1)
    {
        var wire = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            wire.Add((byte)label.Length);
            wire.AddRange(Encoding.ASCII.GetBytes(label));
        }

        wire.Add(0);
        var message = new byte[12 + wire.Count + 4];
        BinaryPrimitives.WriteUInt16BigEndian(message, id);
        message[2] = recursionDesired ? (byte)0x01 : (byte)0x00;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), 1);
        wire.CopyTo(message, 12);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(12 + wire.Count), type);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(14 + wire.Count), @class);
        return message;
    }
}
