using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Fos1.Ddns;
using Fos1.Zones.Journal;
using Fos1.Zones.Records;

namespace Fos1.Zones.Store;

/// <summary>
/// The journal payload of one <see cref="UpdateJournalEntry"/> (the frame and CRC come from the Journal):
/// <c>u8 version | name zone | u32 from | u32 to | records removed | records added</c>, where records are
/// <c>u32 count</c> then each <c>name owner | u32 ttl | u16 type | u16 length | RDATA wire</c> and a name is
/// <c>u8 length | ASCII text</c>. Big-endian, like DNS.
/// </summary>
internal static class JournalEntryCodec
{
    private const byte Version = 1;

    public static byte[] Encode(UpdateJournalEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Byte(buffer, Version);
        Name(buffer, entry.Zone);
        UInt32(buffer, entry.FromSerial);
        UInt32(buffer, entry.ToSerial);
        Records(buffer, entry.Removed);
        Records(buffer, entry.Added);
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="InvalidDataException">The payload is not an entry this version reads.</exception>
    public static UpdateJournalEntry Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new Reader(payload);
        try
        {
            if (reader.Byte() != Version)
            {
                throw new InvalidDataException("unknown journal entry version");
            }

            var zone = reader.Name();
            var from = reader.UInt32();
            var to = reader.UInt32();
            var removed = reader.Records();
            var added = reader.Records();
            return reader.AtEnd
                ? new UpdateJournalEntry(zone, from, to, removed, added)
                : throw new InvalidDataException("trailing bytes after the journal entry");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"malformed journal entry: {e.Message}", e);
        }
    }

    private static void Records(ArrayBufferWriter<byte> buffer, IReadOnlyList<ResourceRecord> records)
    {
        UInt32(buffer, (uint)records.Count);
        foreach (var record in records)
        {
            Name(buffer, record.Owner);
            UInt32(buffer, record.Ttl);
            UInt16(buffer, record.Type);
            UInt16(buffer, (ushort)record.Data.Wire.Length);
            buffer.Write(record.Data.Wire);
        }
    }

    private static void Name(ArrayBufferWriter<byte> buffer, DnsName name)
    {
        var text = Encoding.ASCII.GetBytes(name.Text);
        Byte(buffer, (byte)text.Length);
        buffer.Write(text);
    }

    private static void Byte(ArrayBufferWriter<byte> buffer, byte value) => buffer.Write([value]);

    private static void UInt16(ArrayBufferWriter<byte> buffer, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
    }

    private static void UInt32(ArrayBufferWriter<byte> buffer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private ref struct Reader(ReadOnlySpan<byte> payload)
    {
        private readonly ReadOnlySpan<byte> _payload = payload;
        private int _at;

        public readonly bool AtEnd => _at == _payload.Length;

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

        public DnsName Name() => DnsName.Parse(Encoding.ASCII.GetString(Take(Byte())));

        public ResourceRecord[] Records()
        {
            var count = UInt32();
            if (count > (uint)(_payload.Length - _at))
            {
                throw new InvalidDataException($"record count {count} exceeds the payload");
            }

            var records = new ResourceRecord[count];
            for (var i = 0; i < records.Length; i++)
            {
                var owner = Name();
                var ttl = UInt32();
                var type = UInt16();
                var data = Rdata.Create(type, Take(UInt16()));
                records[i] = new ResourceRecord(owner, ttl, data);
            }

            return records;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _payload.Length - _at)
            {
                throw new InvalidDataException("journal entry ends early");
            }

            var span = _payload.Slice(_at, count);
            _at += count;
            return span;
        }
    }
}
