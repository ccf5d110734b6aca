using System.Buffers.Binary;
using System.Numerics;

namespace Fos1.Outbox.Journaling;

/// <summary>CRC-32C (Castagnoli), hardware-accelerated through <see cref="BitOperations.Crc32C(uint, ulong)"/>.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        ~Append(Append(uint.MaxValue, first), second);

    private static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
