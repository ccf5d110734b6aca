using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using Fos1.Ddns.Leases;

namespace Fos1.Outbox.Changes;

/// <summary>
/// A compact, versioned binary form of <see cref="NameChange"/> that round-trips every field exactly
/// (the expiry keeps its UTC offset, IPv6 its scope id, the name its original spelling).
/// Layout v1: <c>u8 version | u8 flags | u32 ttl | [i64 ticks, i16 offset minutes] | u8 address length,
/// address, [u32 scope id if IPv6] | u8 name length, ASCII name | u8 DHCID length, DHCID</c>.
/// </summary>
public static class NameChangeCodec
{
    public const byte Version = 1;

    private const byte Remove = 1;
    private const byte Forward = 2;
    private const byte Reverse = 4;
    private const byte ConflictResolution = 8;
    private const byte HasExpiry = 16;

    public static void Write(IBufferWriter<byte> writer, NameChange change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(change);
        var name = change.Fqdn.Text;
        var dhcid = change.Dhcid.Bytes;
        if (dhcid.Length > byte.MaxValue)
        {
            throw new ArgumentException($"a DHCID of {dhcid.Length} octets does not fit the outbox format", nameof(change));
        }

        var span = writer.GetSpan(2 + 4 + 10 + 1 + 16 + 4 + 1 + name.Length + 1 + dhcid.Length);
        var at = 0;
        span[at++] = Version;
        span[at++] = (byte)((change.Kind == NameChangeKind.Remove ? Remove : 0)
            | (change.Forward ? Forward : 0)
            | (change.Reverse ? Reverse : 0)
            | (change.UseConflictResolution ? ConflictResolution : 0)
            | (change.LeaseExpiresOn is null ? 0 : HasExpiry));
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], change.Ttl);
        at += 4;
        if (change.LeaseExpiresOn is { } expires)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], expires.Ticks);
            BinaryPrimitives.WriteInt16LittleEndian(span[(at + 8)..], (short)expires.Offset.TotalMinutes);
            at += 10;
        }

        var address = change.Address;
        address.TryWriteBytes(span[(at + 1)..], out var written);
        span[at] = (byte)written;
        at += 1 + written;
        if (written == 16)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)address.ScopeId);
            at += 4;
        }

        span[at++] = (byte)name.Length;
        at += Encoding.ASCII.GetBytes(name, span[at..]);
        span[at++] = (byte)dhcid.Length;
        dhcid.CopyTo(span[at..]);
        at += dhcid.Length;
        writer.Advance(at);
    }

    /// <summary>Decodes one change; throws <see cref="InvalidDataException"/> for anything malformed.</summary>
    public static NameChange Read(ReadOnlySpan<byte> data, out int consumed)
    {
        try
        {
            return Decode(data, out consumed);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException($"malformed name change record: {e.Message}", e);
        }
    }

    private static NameChange Decode(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.Length < 6 || data[0] != Version)
        {
            throw new InvalidDataException(data.Length == 0 ? "empty name change record" : $"name change format version {data[0]} is not {Version}");
        }

        var flags = data[1];
        var ttl = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        var at = 6;
        DateTimeOffset? expires = null;
        if ((flags & HasExpiry) != 0)
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(data[at..]);
            var offset = BinaryPrimitives.ReadInt16LittleEndian(data[(at + 8)..]);
            expires = new DateTimeOffset(ticks, TimeSpan.FromMinutes(offset));
            at += 10;
        }

        int addressLength = data[at++];
        if (addressLength is not (4 or 16))
        {
            throw new InvalidDataException($"address length {addressLength} is neither 4 nor 16");
        }

        var address = addressLength == 4
            ? new IPAddress(data.Slice(at, 4))
            : new IPAddress(data.Slice(at, 16), BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 16)..]));
        at += addressLength == 4 ? 4 : 20;
        int nameLength = data[at++];
        var name = DnsName.Parse(Encoding.ASCII.GetString(data.Slice(at, nameLength)));
        at += nameLength;
        int dhcidLength = data[at++];
        var dhcid = new Dhcid(data.Slice(at, dhcidLength));
        consumed = at + dhcidLength;
        return new NameChange(
            (flags & Remove) != 0 ? NameChangeKind.Remove : NameChangeKind.Add,
            (flags & Forward) != 0,
            (flags & Reverse) != 0,
            name,
            address,
            dhcid,
            ttl,
            (flags & ConflictResolution) != 0,
            expires);
    }
}
