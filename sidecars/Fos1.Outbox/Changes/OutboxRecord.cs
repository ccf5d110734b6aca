using System.Buffers;
using System.Buffers.Binary;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>
/// The outbox journal's records: <c>1 | u64 id | name change</c> (a change to send),
/// <c>2 | u32 count | u64 id...</c> (changes done), <c>3 | u64 next id</c> (written first by compaction
/// so ids never repeat).
/// </summary>
internal static class OutboxRecord
{
    public const byte Appended = 1;
    public const byte Completed = 2;
    public const byte NextId = 3;

    public static void WriteAppended(IBufferWriter<byte> writer, long id, NameChange change)
    {
        var span = writer.GetSpan(9);
        span[0] = Appended;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], id);
        writer.Advance(9);
        NameChangeCodec.Write(writer, change);
    }

    public static void WriteCompleted(IBufferWriter<byte> writer, IReadOnlyCollection<long> ids)
    {
        var span = writer.GetSpan(5 + (8 * ids.Count));
        span[0] = Completed;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], ids.Count);
        var at = 5;
        foreach (var id in ids)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], id);
            at += 8;
        }

        writer.Advance(at);
    }

    public static void WriteNextId(IBufferWriter<byte> writer, long nextId)
    {
        var span = writer.GetSpan(9);
        span[0] = NextId;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], nextId);
        writer.Advance(9);
    }

    public static long ReadId(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadInt64LittleEndian(record[1..]);

    public static NameChange ReadChange(ReadOnlySpan<byte> appended) => NameChangeCodec.Read(appended[9..], out _);

    public static long[] ReadCompletedIds(ReadOnlySpan<byte> record)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(record[1..]);
        if (count < 0 || 5 + (8L * count) > record.Length)
        {
            throw new InvalidDataException($"completion record claims {count} ids in {record.Length} bytes");
        }

        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadInt64LittleEndian(record[(5 + (8 * i))..]);
        }

        return ids;
    }
}
