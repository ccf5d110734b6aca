using System.Buffers;
using System.Buffers.Binary;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Wire;

/// <summary>RFC 8945 section 4.3: the digest input layout and the TSIG RR.</summary>
internal static class TsigSigner
{
    private const int TsigRrFixed = 2 + 2 + 4 + 2;
    private const int TsigRdataFixed = 6 + 2 + 2 + 2 + 2 + 2;

    public static int MaxLength(TsigKey key) =>
        key.CanonicalName.Length + TsigRrFixed + key.CanonicalAlgorithmName.Length + TsigRdataFixed + TsigMac.MaxLength;

    /// <summary>
    /// Signs the message written so far and appends its TSIG RR. The digest variables are first
    /// written behind the message so that one HMAC runs over one contiguous span, then overwritten.
    /// </summary>
    public static byte[] AppendTsig(ref WireWriter writer, ushort transactionId, TsigKey key, DateTimeOffset timeSigned)
    {
        var seconds = (ulong)timeSigned.ToUnixTimeSeconds();
        var messageEnd = writer.Position;
        WriteVariables(ref writer, key, ttl: 0, seconds, UpdateMessageEncoder.FudgeSeconds, error: 0, otherData: []);
        Span<byte> macBuffer = stackalloc byte[TsigMac.MaxLength];
        var macLength = TsigMac.Compute(key.Algorithm, key.Secret, writer.Written, macBuffer);
        var mac = macBuffer[..macLength];

        writer.Position = messageEnd;
        writer.Bytes(key.CanonicalName);
        writer.U16(UpdateMessageEncoder.TypeTsig);
        writer.U16(UpdateMessageEncoder.ClassAny);
        writer.U32(0);
        var rdataLengthAt = writer.Position;
        writer.U16(0);
        writer.Bytes(key.CanonicalAlgorithmName);
        writer.U48(seconds);
        writer.U16(UpdateMessageEncoder.FudgeSeconds);
        writer.U16((ushort)macLength);
        writer.Bytes(mac);
        writer.U16(transactionId);
        writer.U16(0);
        writer.U16(0);
        writer.PatchU16(rdataLengthAt, (ushort)(writer.Position - rdataLengthAt - 2));
        writer.PatchU16(10, 1);
        return mac.ToArray();
    }

    /// <summary>
    /// Checks a response MAC: digest = request MAC (with its length) + the response as it was
    /// before the TSIG RR was added (original id, ARCOUNT - 1) + the response's TSIG variables.
    /// </summary>
    public static bool VerifyResponseMac(
        TsigKey key,
        ReadOnlySpan<byte> requestMac,
        ReadOnlySpan<byte> responseWithoutTsig,
        in ResponseTsig tsig,
        ReadOnlySpan<byte> response)
    {
        var length = 2 + requestMac.Length + responseWithoutTsig.Length
            + key.CanonicalName.Length + 2 + 4 + key.CanonicalAlgorithmName.Length + 6 + 2 + 2 + 2 + tsig.OtherData.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var writer = new WireWriter(rented);
            writer.U16((ushort)requestMac.Length);
            writer.Bytes(requestMac);
            var messageAt = writer.Position;
            writer.Bytes(responseWithoutTsig);
            writer.PatchU16(messageAt, tsig.OriginalId);
            var additional = BinaryPrimitives.ReadUInt16BigEndian(responseWithoutTsig[10..]);
            writer.PatchU16(messageAt + 10, (ushort)(additional - 1));
            WriteVariables(ref writer, key, tsig.Ttl, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData.Slice(response));

            Span<byte> expected = stackalloc byte[TsigMac.MaxLength];
            var macLength = TsigMac.Compute(key.Algorithm, key.Secret, writer.Written, expected);
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                expected[..macLength], tsig.Mac.Slice(response));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void WriteVariables(
        ref WireWriter writer, TsigKey key, uint ttl, ulong timeSigned, ushort fudge, ushort error, ReadOnlySpan<byte> otherData)
    {
        writer.Bytes(key.CanonicalName);
        writer.U16(UpdateMessageEncoder.ClassAny);
        writer.U32(ttl);
        writer.Bytes(key.CanonicalAlgorithmName);
        writer.U48(timeSigned);
        writer.U16(fudge);
        writer.U16(error);
        writer.U16((ushort)otherData.Length);
        writer.Bytes(otherData);
    }
}
