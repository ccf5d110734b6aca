using Fos1.Dns.Wire;
using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Messages;

/// <summary>
/// Reads a request into header, sections and TSIG. Pure and total: malformed, truncated, oversized
/// or looping input gives a FORMERR result, never an exception.
/// </summary>
public static class DnsRequestParser
{
    public const int MaxMessageLength = 65535;
    private const ushort TypeTsig = 250;
    private const ushort ClassAny = 255;

    public static DnsParseResult Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < DnsHeader.Length)
        {
            return DnsParseResult.Malformed(null, $"{message.Length} octets is shorter than a DNS header");
        }

        var offset = 0;
        WireReader.TryU16(message, ref offset, out var id);
        WireReader.TryU16(message, ref offset, out var flags);
        WireReader.TryU16(message, ref offset, out var qd);
        WireReader.TryU16(message, ref offset, out var an);
        WireReader.TryU16(message, ref offset, out var ns);
        WireReader.TryU16(message, ref offset, out var ar);
        var header = new DnsHeader(id, flags, qd, an, ns, ar);
        if (message.Length > MaxMessageLength)
        {
            return DnsParseResult.Malformed(header, $"{message.Length} octets is more than a DNS message may have");
        }

        try
        {
            return ParseBody(message, header, offset);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // Defence in depth: the readers fail soft, but a message must never take the server down.
            return DnsParseResult.Malformed(header, $"unreadable message: {e.Message}");
        }
    }

    private static DnsParseResult ParseBody(ReadOnlySpan<byte> message, DnsHeader header, int offset)
    {
        var questions = new List<DnsQuestion>(Math.Min((int)header.QuestionCount, 16));
        for (var i = 0; i < header.QuestionCount; i++)
        {
            if (!WireNameText.TryRead(message, ref offset, out var name, out var error))
            {
                return DnsParseResult.Malformed(header, $"question {i + 1}: {error}");
            }

            if (!WireReader.TryU16(message, ref offset, out var type) || !WireReader.TryU16(message, ref offset, out var @class))
            {
                return DnsParseResult.Malformed(header, $"question {i + 1} is truncated");
            }

            questions.Add(new DnsQuestion(name, type, @class));
        }

        var answers = new List<RawRecord>();
        var authority = new List<RawRecord>();
        var additional = new List<RawRecord>();
        RequestTsig? tsig = null;
        (List<RawRecord> Into, int Count, string Name)[] sections =
            [(answers, header.AnswerCount, "answer"), (authority, header.AuthorityCount, "authority"), (additional, header.AdditionalCount, "additional")];
        foreach (var (into, count, sectionName) in sections)
        {
            for (var i = 0; i < count; i++)
            {
                var recordOffset = offset;
                if (!TryReadRecordHead(message, ref offset, out var name, out var type, out var @class, out var ttl, out var rdLength, out var error))
                {
                    return DnsParseResult.Malformed(header, $"{sectionName} record {i + 1}: {error}");
                }

                if (type == TypeTsig)
                {
                    if (!ReferenceEquals(into, additional) || i != count - 1)
                    {
                        return DnsParseResult.Malformed(header, "a TSIG record must be the last record of the additional section");
                    }

                    if (@class != ClassAny || !TsigRdata.TryRead(message, offset, rdLength, name, ttl, recordOffset, out tsig, out error))
                    {
                        return DnsParseResult.Malformed(header, $"TSIG record: {error ?? "class is not ANY"}");
                    }

                    offset += rdLength;
                    continue;
                }

                if (!RdataNames.TryDecompress(message, offset, rdLength, type, out var rdata, out error))
                {
                    return DnsParseResult.Malformed(header, $"{sectionName} record {i + 1} ({name}): {error}");
                }

                offset += rdLength;
                into.Add(new RawRecord(name, type, @class, ttl, rdata));
            }
        }

        if (offset != message.Length)
        {
            return DnsParseResult.Malformed(header, $"{message.Length - offset} octets follow the last record");
        }

        return new DnsParseResult(header, new DnsMessage(header, questions, answers, authority, additional, tsig), null);
    }

    private static bool TryReadRecordHead(
        ReadOnlySpan<byte> message, ref int offset, out DnsName name, out ushort type, out ushort @class, out uint ttl, out int rdLength, out string? error)
    {
        type = @class = 0;
        ttl = 0;
        rdLength = 0;
        if (!WireNameText.TryRead(message, ref offset, out name!, out error))
        {
            return false;
        }

        if (!WireReader.TryU16(message, ref offset, out type)
            || !WireReader.TryU16(message, ref offset, out @class)
            || !WireReader.TryU32(message, ref offset, out ttl)
            || !WireReader.TryU16(message, ref offset, out var length)
            || offset + length > message.Length)
        {
            error = "truncated";
            return false;
        }

        rdLength = length;
        return true;
    }
}
