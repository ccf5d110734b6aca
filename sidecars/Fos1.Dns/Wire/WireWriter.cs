using System.Buffers.Binary;

namespace Fos1.Dns.Wire;

/// <summary>
/// Writes big-endian DNS fields into a buffer sized by the caller. Owner names are compressed
/// (RFC 1035 section 4.1.4) against names written earlier with exactly the same spelling.
/// </summary>
internal ref struct WireWriter
{
    private const int MaxPointerOffset = 0x3FFF;

    private readonly Span<byte> _buffer;
    private readonly Dictionary<string, int> _compression;

    public WireWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _compression = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public int Position { get; set; }

    public readonly Span<byte> Written => _buffer[..Position];

    public readonly Span<byte> Remaining => _buffer[Position..];

    public void U8(byte value) => _buffer[Position++] = value;

    public void U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        Position += 2;
    }

    public void U32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void U48(ulong value)
    {
        U16((ushort)(value >> 32));
        U32((uint)value);
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[Position..]);
        Position += value.Length;
    }

    public readonly void PatchU16(int offset, ushort value) =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[offset..], value);

    /// <summary>Writes a name, compressing it when <paramref name="compress"/> is set.</summary>
    public void Name(DnsName name, bool compress)
    {
        var lookup = _compression.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = name.Text;
        var start = 0;
        foreach (var label in name.Labels)
        {
            var suffix = text.AsSpan(start);
            if (compress)
            {
                if (lookup.TryGetValue(suffix, out var pointer))
                {
                    U16((ushort)(0xC000 | pointer));
                    return;
                }

                if (Position <= MaxPointerOffset)
                {
                    lookup[suffix] = Position;
                }
            }

            U8((byte)label.Length);
            foreach (var c in label)
            {
                U8((byte)c);
            }

            start += label.Length + 1;
        }

        U8(0);
    }
}
