using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Messages;

/// <summary>Writes a response: header, the echoed question/zone section, answer and authority records.</summary>
public static class ResponseBuilder
{
    /// <param name="request">The request's header: id, opcode and RD are echoed.</param>
    public static byte[] Build(
        DnsHeader request,
        ResponseCode code,
        IReadOnlyList<DnsQuestion> questions,
        bool authoritative = false,
        IReadOnlyList<ResourceRecord>? answers = null,
        IReadOnlyList<ResourceRecord>? authority = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(questions);
        answers ??= [];
        authority ??= [];
        var size = DnsHeader.Length
            + questions.Sum(q => WireNames.MaxLength(q.Name) + 4)
            + answers.Concat(authority).Sum(r => WireNames.MaxLength(r.Owner) + 10 + r.Data.Wire.Length);
        var buffer = new byte[size];
        var writer = new WireWriter(buffer);
        writer.U16(request.Id);
        var flags = 0x8000 | (request.Opcode << 11) | (authoritative ? 0x0400 : 0) | (request.Flags & 0x0100) | ((ushort)code & 0x0F);
        writer.U16((ushort)flags);
        writer.U16((ushort)questions.Count);
        writer.U16((ushort)answers.Count);
        writer.U16((ushort)authority.Count);
        writer.U16(0);
        foreach (var question in questions)
        {
            writer.Name(question.Name, compress: false);
            writer.U16(question.Type);
            writer.U16(question.Class);
        }

        foreach (var record in answers.Concat(authority))
        {
            writer.Name(record.Owner, compress: false);
            writer.U16(record.Type);
            writer.U16(DnsClass.In);
            writer.U32(record.Ttl);
            writer.U16((ushort)record.Data.Wire.Length);
            writer.Bytes(record.Data.Wire);
        }

        return buffer.AsSpan(0, writer.Position).ToArray();
    }
}
