using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Changes;

namespace Fos1.Outbox.Expiry;

/// <summary>
/// The lease ledger's records: <c>1 | i64 expiry ticks | i16 offset minutes | removal name change</c>
/// (the lease's current expiry) and <c>2 | u8 conditional | [i64 ticks, i16 offset minutes] | u8 address length |
/// address [u32 scope id if IPv6] | u8 DHCID length | DHCID</c> (the lease is gone; when conditional, only if
/// its expiry is still that instant, so an expiry written after a renewal cannot forget the renewed lease).
/// </summary>
internal static class LeaseRecord
{
    public const byte Scheduled = 1;
    public const byte Forgotten = 2;

    public static void WriteScheduled(IBufferWriter<byte> writer, NameChange removal, DateTimeOffset expiresAt)
    {
        var span = writer.GetSpan(11);
        span[0] = Scheduled;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], expiresAt.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(span[9..], (short)expiresAt.Offset.TotalMinutes);
        writer.Advance(11);
        NameChangeCodec.Write(writer, removal);
    }

    public static void WriteForgotten(IBufferWriter<byte> writer, LeaseKey key, DateTimeOffset? onlyIfExpiresAt)
    {
        var dhcid = key.Dhcid.Bytes;
        var span = writer.GetSpan(13 + 3 + 20 + dhcid.Length);
        span[0] = Forgotten;
        var at = 1;
        span[at++] = onlyIfExpiresAt is null ? (byte)0 : (byte)1;
        if (onlyIfExpiresAt is { } expiresAt)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], expiresAt.Ticks);
            BinaryPrimitives.WriteInt16LittleEndian(span[(at + 8)..], (short)expiresAt.Offset.TotalMinutes);
            at += 10;
        }

        key.Address.TryWriteBytes(span[(at + 1)..], out var written);
        span[at] = (byte)written;
        at += 1 + written;
        if (written == 16)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)key.Address.ScopeId);
            at += 4;
        }

        span[at++] = (byte)dhcid.Length;
        dhcid.CopyTo(span[at..]);
        writer.Advance(at + dhcid.Length);
    }

    public static (NameChange Removal, DateTimeOffset ExpiresAt) ReadScheduled(ReadOnlySpan<byte> record)
    {
        var expiresAt = new DateTimeOffset(
            BinaryPrimitives.ReadInt64LittleEndian(record[1..]),
            TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(record[9..])));
        return (NameChangeCodec.Read(record[11..], out _), expiresAt);
    }

    public static (LeaseKey Key, DateTimeOffset? OnlyIfExpiresAt) ReadForgotten(ReadOnlySpan<byte> record)
    {
        var at = 2;
        DateTimeOffset? onlyIfExpiresAt = null;
        if (record[1] == 1)
        {
            onlyIfExpiresAt = new DateTimeOffset(
                BinaryPrimitives.ReadInt64LittleEndian(record[at..]),
                TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(record[(at + 8)..])));
            at += 10;
        }

        int addressLength = record[at++];
        if (addressLength is not (4 or 16))
        {
            throw new InvalidDataException($"address length {addressLength} is neither 4 nor 16");
        }

        var address = addressLength == 4
            ? new IPAddress(record.Slice(at, 4))
            : new IPAddress(record.Slice(at, 16), BinaryPrimitives.ReadUInt32LittleEndian(record[(at + 16)..]));
        at += addressLength == 4 ? 4 : 20;
        int dhcidLength = record[at];
        return (new LeaseKey(address, new Dhcid(record.Slice(at + 1, dhcidLength))), onlyIfExpiresAt);
    }
}
