using Fos1.Dns.Server.Messages;
using Fos1.Dns.Wire;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Cuts a transfer's records into response messages of at most <c>maxSize</c> octets, owner names
/// compressed. The question goes into the first message only (RFC 5936 section 2.2.1).
/// </summary>
internal static class TransferMessageWriter
{
    /// <summary>Room left in every message for the TSIG RR that may be appended later.</summary>
    private const int TsigReserve = 512;

    public static IEnumerable<byte[]> Write(DnsHeader request, DnsQuestion question, IEnumerable<ResourceRecord> records, int maxSize)
    {
        var buffer = new byte[Math.Max(maxSize, 1024)];
        var limit = buffer.Length - TsigReserve;
        var first = true;
        var pending = new List<ResourceRecord>();
        var estimate = 0;
        foreach (var record in records)
        {
            var size = WireNames.MaxLength(record.Owner) + 10 + record.Data.Wire.Length;
            if (pending.Count > 0 && DnsHeader.Length + WireNames.MaxLength(question.Name) + 4 + estimate + size > limit)
            {
                yield return Message(buffer, request, first ? question : null, pending);
                first = false;
                pending.Clear();
                estimate = 0;
            }

            pending.Add(record);
            estimate += size;
        }

        yield return Message(new byte[DnsHeader.Length + WireNames.MaxLength(question.Name) + 4 + estimate], request, first ? question : null, pending);
    }

    private static byte[] Message(byte[] buffer, DnsHeader request, DnsQuestion? question, List<ResourceRecord> records)
    {
        var writer = new WireWriter(buffer);
        writer.U16(request.Id);
        writer.U16((ushort)(0x8000 | (request.Opcode << 11) | 0x0400));
        writer.U16((ushort)(question is null ? 0 : 1));
        writer.U16((ushort)records.Count);
        writer.U16(0);
        writer.U16(0);
        if (question is not null)
        {
            writer.Name(question.Name, compress: true);
            writer.U16(question.Type);
            writer.U16(question.Class);
        }

        foreach (var record in records)
        {
            writer.Name(record.Owner, compress: true);
            writer.U16(record.Type);
            writer.U16(DnsClass.In);
            writer.U32(record.Ttl);
            writer.U16((ushort)record.Data.Wire.Length);
            writer.Bytes(record.Data.Wire);
        }

        return buffer.AsSpan(0, writer.Position).ToArray();
    }
}
