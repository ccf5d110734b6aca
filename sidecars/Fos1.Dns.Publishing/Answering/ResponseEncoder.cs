using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;
using Fos1.Zones.Records;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// Writes a response: header, the echoed question, answer and authority. Owner names and the names
/// inside NS, CNAME, PTR, SOA and MX RDATA are compressed (RFC 1035 types; RFC 3597 section 4 keeps
/// every later type, SRV included, uncompressed).
/// </summary>
internal static class ResponseEncoder
{
    private const int HeaderLength = 12;
    private const int FixedRecordFields = 10;

    public static byte[] Encode(
        ParsedQuery query, ResponseCode code, bool authoritative,
        IReadOnlyList<ResourceRecord> answer, IReadOnlyList<ResourceRecord> authority)
    {
        var question = query.Question;
        var capacity = HeaderLength + (question is null ? 0 : WireNames.MaxLength(question.Name) + 4)
            + answer.Concat(authority).Sum(r => WireNames.MaxLength(r.Owner) + FixedRecordFields + r.Data.Wire.Length);
        var buffer = new byte[capacity];
        var writer = new WireWriter(buffer);
        writer.U16(query.Id);
        // QR, the query's opcode, AA when we answer for the zone, RD copied (RFC 1035 section 4.1.1).
        writer.U8((byte)(0x80 | (query.Opcode << 3) | (authoritative ? 0x04 : 0) | (query.RecursionDesired ? 0x01 : 0)));
        writer.U8((byte)((ushort)code & 0x0F));
        writer.U16(question is null ? (ushort)0 : (ushort)1);
        writer.U16((ushort)answer.Count);
        writer.U16((ushort)authority.Count);
        writer.U16(0);
        if (question is not null)
        {
            writer.Name(question.Name, compress: true);
            writer.U16(question.Type);
            writer.U16(question.Class);
        }

        foreach (var record in answer.Concat(authority))
        {
            Record(ref writer, record);
        }

        return writer.Written.ToArray();
    }

    private static void Record(ref WireWriter writer, ResourceRecord record)
    {
        writer.Name(record.Owner, compress: true);
        writer.U16(record.Type);
        writer.U16(DnsClass.In);
        writer.U32(record.Ttl);
        var lengthAt = writer.Position;
        writer.U16(0);
        var data = record.Data;
        switch (record.Type)
        {
            case DnsType.Ns or DnsType.Cname or DnsType.Ptr:
                writer.Name(data.ToTargetName(), compress: true);
                break;
            case DnsType.Mx:
                var (preference, exchange) = data.ToMx();
                writer.U16(preference);
                writer.Name(exchange, compress: true);
                break;
            case DnsType.Soa:
                var soa = data.ToSoa();
                writer.Name(soa.PrimaryServer, compress: true);
                writer.Name(soa.ResponsibleMailbox, compress: true);
                writer.U32(soa.Serial);
                writer.U32(soa.Refresh);
                writer.U32(soa.Retry);
                writer.U32(soa.Expire);
                writer.U32(soa.Minimum);
                break;
            default:
                writer.Bytes(data.Wire);
                break;
        }

        writer.PatchU16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
    }
}
