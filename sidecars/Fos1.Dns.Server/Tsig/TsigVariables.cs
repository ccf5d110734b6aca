using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Tsig;

/// <summary>The TSIG variables that follow the message in every digest (RFC 8945 section 4.3.3).</summary>
internal static class TsigVariables
{
    public const ushort ClassAny = 255;

    public static int Length(int keyName, int algorithm, int otherData) => keyName + 2 + 4 + algorithm + 6 + 2 + 2 + 2 + otherData;

    public static void Write(
        ref WireWriter writer, scoped ReadOnlySpan<byte> keyName, scoped ReadOnlySpan<byte> algorithm, uint ttl, ulong timeSigned, ushort fudge, ushort error, scoped ReadOnlySpan<byte> otherData)
    {
        writer.Bytes(keyName);
        writer.U16(ClassAny);
        writer.U32(ttl);
        writer.Bytes(algorithm);
        writer.U48(timeSigned);
        writer.U16(fudge);
        writer.U16(error);
        writer.U16((ushort)otherData.Length);
        writer.Bytes(otherData);
    }
}
