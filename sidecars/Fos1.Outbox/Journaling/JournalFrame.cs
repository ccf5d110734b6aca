using System.Buffers;
using System.Buffers.Binary;

namespace Fos1.Outbox.Journaling;

/// <summary>
/// The on-disk framing shared by every journal: a file header, then frames of
/// <c>u32 LE payload length | u32 LE CRC-32C over (length bytes + payload) | payload</c>.
/// Covering the length with the CRC means a torn length field cannot make us skip good data.
/// </summary>
internal static class JournalFrame
{
    public const int HeaderLength = 8;

    /// <summary>A larger length is garbage (the biggest record we write is a few hundred bytes).</summary>
    public const int MaxPayloadLength = 1 << 20;

    public const int FileHeaderLength = 8;

    private const ushort FormatVersion = 1;

    /// <summary>"F1JRNL" + u16 LE format version.</summary>
    public static ReadOnlySpan<byte> FileMagic => "F1JRNL"u8;

    public static byte[] FileHeader()
    {
        var header = new byte[FileHeaderLength];
        FileMagic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), FormatVersion);
        return header;
    }

    public static bool IsFileHeader(ReadOnlySpan<byte> header) =>
        header.Length >= FileHeaderLength
        && header[..6].SequenceEqual(FileMagic)
        && BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) == FormatVersion;

    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload)
    {
        var span = writer.GetSpan(HeaderLength + payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)payload.Length);
        var crc = Crc32C.Compute(span[..4], payload);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], crc);
        payload.CopyTo(span[HeaderLength..]);
        writer.Advance(HeaderLength + payload.Length);
    }

    /// <summary>Reads the payload length from a frame header, or -1 if it cannot be a valid frame.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return length > MaxPayloadLength ? -1 : (int)length;
    }

    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == Crc32C.Compute(header[..4], payload);
}
