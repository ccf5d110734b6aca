using System.Buffers.Binary;
using System.Text;
using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// What the answerer needs from a query: the header fields it echoes and the question. A query that
/// cannot be read this far gets <see cref="Failure"/> as its RCODE.
/// </summary>
internal sealed record ParsedQuery(ushort Id, byte Opcode, bool RecursionDesired, DnsQuestion? Question, ResponseCode? Failure)
{
    private const int HeaderLength = 12;

    public static ParsedQuery Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            var shortId = message.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(message) : (ushort)0;
            return new ParsedQuery(shortId, 0, false, null, ResponseCode.FormErr);
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var opcode = (byte)((message[2] >> 3) & 0x0F);
        var recursionDesired = (message[2] & 0x01) != 0;
        if ((message[2] & 0x80) != 0)
        {
            return new ParsedQuery(id, opcode, recursionDesired, null, ResponseCode.FormErr);
        }

        if (opcode != 0)
        {
            return new ParsedQuery(id, opcode, recursionDesired, null, ResponseCode.NotImp);
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var offset = HeaderLength;
        var nameStart = offset;
        Span<byte> canonical = stackalloc byte[256];
        if (questions != 1
            || !WireReader.TryReadName(message, ref offset, canonical, out var canonicalLength)
            || !WireReader.TryU16(message, ref offset, out var type)
            || !WireReader.TryU16(message, ref offset, out var @class))
        {
            return new ParsedQuery(id, opcode, recursionDesired, null, ResponseCode.FormErr);
        }

        // The first name of a message has nothing before it to point at: a pointer here is malformed,
        // and without one the bytes read are the name exactly as spelled (case kept for the echo).
        var spelled = message.Slice(nameStart, offset - 4 - nameStart);
        if (spelled.Length != canonicalLength || ToName(spelled) is not { } name)
        {
            return new ParsedQuery(id, opcode, recursionDesired, null, ResponseCode.FormErr);
        }

        return new ParsedQuery(id, opcode, recursionDesired, new DnsQuestion(name, type, @class), null);
    }

    private static DnsName? ToName(ReadOnlySpan<byte> wire)
    {
        var text = new StringBuilder(wire.Length);
        for (var at = 0; wire[at] != 0; at += wire[at] + 1)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(Encoding.Latin1.GetString(wire.Slice(at + 1, wire[at])));
        }

        return DnsName.TryParse(text.ToString(), out var name, out _) ? name : null;
    }
}
