using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Tsig;

/// <summary>
/// Checks a request's TSIG (RFC 8945 section 5.2) in the RFC's order: key (BADKEY), then MAC (BADSIG),
/// then time (BADTIME). MACs must be full length: truncation (section 5.2.2.1) is not accepted.
/// </summary>
public static class TsigVerifier
{
    public static TsigVerdict Verify(ReadOnlySpan<byte> message, RequestTsig tsig, TsigKeyring keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tsig);
        ArgumentNullException.ThrowIfNull(keys);
        var key = keys.Find(tsig.KeyName);
        if (key is null || key.Algorithm.WireName() != tsig.Algorithm)
        {
            return new TsigVerdict(TsigError.BadKey, null, tsig);
        }

        if (tsig.Mac.Length != key.Algorithm.MacLength() || !MacMatches(message, tsig, key))
        {
            return new TsigVerdict(TsigError.BadSig, key, tsig);
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - (long)tsig.TimeSigned);
        return skew > tsig.Fudge
            ? new TsigVerdict(TsigError.BadTime, key, tsig)
            : new TsigVerdict(TsigError.None, key, tsig);
    }

    private static bool MacMatches(ReadOnlySpan<byte> message, RequestTsig tsig, TsigKey key)
    {
        var length = tsig.RecordOffset + key.CanonicalName.Length + 2 + 4 + key.CanonicalAlgorithmName.Length + 6 + 2 + 2 + 2 + tsig.OtherData.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var writer = new WireWriter(rented);
            writer.Bytes(message[..tsig.RecordOffset]);
            writer.PatchU16(0, tsig.OriginalId);
            var additional = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
            writer.PatchU16(10, (ushort)(additional - 1));
            TsigVariables.Write(ref writer, key.CanonicalName, key.CanonicalAlgorithmName, tsig.Ttl, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData.Span);
            Span<byte> expected = stackalloc byte[TsigMac.MaxLength];
            var macLength = TsigMac.Compute(key.Algorithm, key.Secret, writer.Written, expected);
            return CryptographicOperations.FixedTimeEquals(expected[..macLength], tsig.Mac.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
