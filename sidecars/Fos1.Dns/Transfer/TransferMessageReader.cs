using System.Buffers.Binary;
using System.Net;
using System.Text;
using Fos1.Ddns.Records;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Transfer;

/// <summary>Parses one AXFR response message: header, question, answer records, and the closing TSIG RR.</summary>
internal static class TransferMessageReader
{
    public const ushort TypeSoa = 6;
    private const ushort TypeTsig = 250;

    public sealed record Parsed(ushort Id, int Rcode, IReadOnlyList<TransferredRecord> Records, TransferTsig? Tsig);

    /// <param name="owners">Carried from message to message of one transfer so records of one owner share its name.</param>
    public static Parsed Parse(ReadOnlySpan<byte> message, RecentOwnerName? owners = null)
    {
        owners ??= new RecentOwnerName();
        if (message.Length < 12)
        {
            throw Malformed($"a message of {message.Length} octets is shorter than a DNS header");
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        if ((message[2] & 0x80) == 0)
        {
            throw Malformed("a message without the QR bit is not a response");
        }

        var rcode = message[3] & 0x0F;
        var offset = 4;
        WireReader.TryU16(message, ref offset, out var questions);
        WireReader.TryU16(message, ref offset, out var answers);
        WireReader.TryU16(message, ref offset, out var authority);
        WireReader.TryU16(message, ref offset, out var additional);
        for (var i = 0; i < questions; i++)
        {
            if (!WireReader.TrySkipName(message, ref offset) || !WireReader.TrySkip(message, ref offset, 4))
            {
                throw Malformed("the question section is cut short");
            }
        }

        var records = new List<TransferredRecord>(answers);
        TransferTsig? tsig = null;
        Span<byte> owner = stackalloc byte[256];
        var total = answers + authority + additional;
        for (var i = 0; i < total; i++)
        {
            var recordOffset = offset;
            if (!WireReader.TryReadName(message, ref offset, owner, out var ownerLength)
                || !WireReader.TryU16(message, ref offset, out var type)
                || !WireReader.TryU16(message, ref offset, out var @class)
                || !WireReader.TryU32(message, ref offset, out var ttl)
                || !WireReader.TryU16(message, ref offset, out var rdataLength)
                || offset + rdataLength > message.Length)
            {
                throw Malformed($"resource record {i + 1} is cut short");
            }

            var rdataAt = offset;
            offset += rdataLength;
            if (type == TypeTsig)
            {
                if (i != total - 1)
                {
                    throw Malformed("a TSIG record that is not the last record");
                }

                tsig = ReadTsig(message, recordOffset, owner[..ownerLength].ToArray(), ttl, rdataAt, rdataLength);
            }
            else if (i < answers)
            {
                records.Add(ReadRecord(message, owners, owner[..ownerLength], type, @class, ttl, rdataAt, rdataLength));
            }
        }

        return new Parsed(id, rcode, records, tsig);
    }

    /// <summary>Presentation text of a canonical wire name; null when a label holds octets a <see cref="DnsName"/> cannot spell.</summary>
    public static DnsName? ToName(ReadOnlySpan<byte> canonical)
    {
        var text = new StringBuilder(canonical.Length);
        for (var at = 0; canonical[at] != 0; at += canonical[at] + 1)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(Encoding.Latin1.GetString(canonical.Slice(at + 1, canonical[at])));
        }

        return DnsName.TryParse(text.ToString(), out var name, out _) ? name : null;
    }

    private static TransferredRecord ReadRecord(
        ReadOnlySpan<byte> message, RecentOwnerName owners, ReadOnlySpan<byte> owner, ushort type, ushort @class, uint ttl, int rdataAt, int rdataLength)
    {
        var name = owners.Spell(owner) ?? throw Malformed($"owner name of a type {type} record cannot be represented");
        var rdata = message.Slice(rdataAt, rdataLength);
        var raw = ExpandNames(message, type, rdataAt, rdataLength) ?? rdata.ToArray();
        RecordData? data = (RecordType)type switch
        {
            RecordType.A when rdataLength == 4 => new AddressData(new IPAddress(rdata)),
            RecordType.Aaaa when rdataLength == 16 => new AddressData(new IPAddress(rdata)),
            RecordType.Dhcid when rdataLength >= 4 => new DhcidData(new Dhcid(rdata)),
            RecordType.Ptr => ToName(raw) is { } target ? new PtrData(target) : null,
            _ => null,
        };
        return new TransferredRecord(name, type, @class, ttl, raw, data);
    }

    /// <summary>RDATA with its compressed names written out in full (names lower-cased); null for types without names.</summary>
    internal static byte[]? ExpandNames(ReadOnlySpan<byte> message, ushort type, int rdataAt, int rdataLength)
    {
        // (fixed octets before the names, number of names, fixed octets after)
        (int Before, int Names, int After)? layout = type switch
        {
            2 or 5 or 12 or 39 => (0, 1, 0),
            6 => (0, 2, 20),
            15 => (2, 1, 0),
            33 => (6, 1, 0),
            _ => null,
        };
        if (layout is not { } shape)
        {
            return null;
        }

        var end = rdataAt + rdataLength;
        var output = new List<byte>(rdataLength + 64);
        var offset = rdataAt;
        if (offset + shape.Before > end)
        {
            throw Malformed($"type {type} RDATA is cut short");
        }

        output.AddRange(message.Slice(offset, shape.Before));
        offset += shape.Before;
        Span<byte> name = stackalloc byte[256];
        for (var i = 0; i < shape.Names; i++)
        {
            if (!WireReader.TryReadName(message, ref offset, name, out var length) || offset > end)
            {
                throw Malformed($"a name in type {type} RDATA is malformed");
            }

            output.AddRange(name[..length]);
        }

        if (offset + shape.After != end)
        {
            throw Malformed($"type {type} RDATA has {end - offset} octets after its names, expected {shape.After}");
        }

        output.AddRange(message.Slice(offset, shape.After));
        return [.. output];
    }

    private static TransferTsig ReadTsig(ReadOnlySpan<byte> message, int recordOffset, byte[] owner, uint ttl, int rdataAt, int rdataLength)
    {
        var offset = rdataAt;
        Span<byte> algorithm = stackalloc byte[256];
        if (!WireReader.TryReadName(message, ref offset, algorithm, out var algorithmLength)
            || !WireReader.TryU48(message, ref offset, out var timeSigned)
            || !WireReader.TryU16(message, ref offset, out var fudge)
            || !WireReader.TryU16(message, ref offset, out var macLength)
            || !WireReader.TrySkip(message, ref offset, macLength))
        {
            throw Malformed("the TSIG record is cut short");
        }

        var mac = message.Slice(offset - macLength, macLength).ToArray();
        if (!WireReader.TryU16(message, ref offset, out var originalId)
            || !WireReader.TryU16(message, ref offset, out var error)
            || !WireReader.TryU16(message, ref offset, out var otherLength)
            || !WireReader.TrySkip(message, ref offset, otherLength)
            || offset != rdataAt + rdataLength)
        {
            throw Malformed("the TSIG record is cut short or has trailing octets");
        }

        return new TransferTsig(
            recordOffset, owner, algorithm[..algorithmLength].ToArray(), ttl, timeSigned, fudge, mac, originalId, error,
            message.Slice(offset - otherLength, otherLength).ToArray());
    }

    private static ZoneTransferException Malformed(string detail) => new(ZoneTransferFailure.Malformed, detail);
}
