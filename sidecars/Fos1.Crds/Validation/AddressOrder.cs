using System.Buffers.Binary;
using System.Net;

namespace Fos1.Crds.Validation;

/// <summary>Addresses as numbers, so ranges can be compared; IPv4 and IPv6 never share a range.</summary>
internal static class AddressOrder
{
    public static UInt128 Value(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        address.TryWriteBytes(bytes[(16 - (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 4 : 16))..], out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static bool Overlap(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));
}
