using System.Buffers.Binary;
using Fos1.Ddns.Updates;
using Fos1.Dns.Transfer;
using Fos1.Dns.Wire;
using Fos1.Zones.Records;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// A response read back into records (names lower-cased, RDATA names expanded), for the probe and for
/// comparing our answers with another server's. OPT records are left out.
/// </summary>
public sealed record DnsResponse(
    ushort Id,
    bool Authoritative,
    bool RecursionDesired,
    ResponseCode Code,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<ResourceRecord> Answer,
    IReadOnlyList<ResourceRecord> Authority,
    IReadOnlyList<ResourceRecord> Additional)
{
    /// <exception cref="FormatException">The message is not a well-formed class IN response.</exception>
    public static DnsResponse Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12 || (message[2] & 0x80) == 0)
        {
            throw new FormatException($"a message of {message.Length} octets is not a DNS response");
        }

        var offset = 4;
        Span<ushort> counts = stackalloc ushort[4];
        for (var i = 0; i < counts.Length; i++)
        {
            WireReader.TryU16(message, ref offset, out counts[i]);
        }

        Span<byte> name = stackalloc byte[256];
        var questions = new List<DnsQuestion>();
        for (var i = 0; i < counts[0]; i++)
        {
            if (!WireReader.TryReadName(message, ref offset, name, out var length)
                || !WireReader.TryU16(message, ref offset, out var type)
                || !WireReader.TryU16(message, ref offset, out var @class))
            {
                throw new FormatException("the question section is cut short");
            }

            questions.Add(new DnsQuestion(Name(name[..length]), type, @class));
        }

        var answer = Section(message, ref offset, counts[1]);
        var authority = Section(message, ref offset, counts[2]);
        var additional = Section(message, ref offset, counts[3]);
        return new DnsResponse(
            BinaryPrimitives.ReadUInt16BigEndian(message), (message[2] & 0x04) != 0, (message[2] & 0x01) != 0,
            (ResponseCode)(message[3] & 0x0F), questions, answer, authority, additional);
    }

    private static List<ResourceRecord> Section(ReadOnlySpan<byte> message, ref int offset, int count)
    {
        var records = new List<ResourceRecord>(count);
        Span<byte> owner = stackalloc byte[256];
        for (var i = 0; i < count; i++)
        {
            if (!WireReader.TryReadName(message, ref offset, owner, out var ownerLength)
                || !WireReader.TryU16(message, ref offset, out var type)
                || !WireReader.TryU16(message, ref offset, out var @class)
                || !WireReader.TryU32(message, ref offset, out var ttl)
                || !WireReader.TryU16(message, ref offset, out var rdataLength)
                || offset + rdataLength > message.Length)
            {
                throw new FormatException($"a record is cut short at offset {offset}");
            }

            var rdataAt = offset;
            offset += rdataLength;
            if (type == DnsType.Opt)
            {
                continue;
            }

            if (@class != DnsClass.In)
            {
                throw new FormatException($"a record of class {@class}, not IN");
            }

            byte[] raw;
            try
            {
                raw = TransferMessageReader.ExpandNames(message, type, rdataAt, rdataLength) ?? message.Slice(rdataAt, rdataLength).ToArray();
            }
            catch (ZoneTransferException exception)
            {
                throw new FormatException(exception.Message, exception);
            }

            if (!Rdata.TryCreate(type, raw, out var data, out var error))
            {
                throw new FormatException(error);
            }

            records.Add(new ResourceRecord(Name(owner[..ownerLength]), ttl, data));
        }

        return records;
    }

    private static DnsName Name(ReadOnlySpan<byte> canonical) =>
        TransferMessageReader.ToName(canonical) ?? throw new FormatException("a name that cannot be represented");
}
