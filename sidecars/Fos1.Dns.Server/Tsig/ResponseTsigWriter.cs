using System.Buffers.Binary;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Tsig;

/// <summary>
/// Adds the TSIG RR to a response (RFC 8945 sections 4.3.1 and 5.3). A verified request, or a BADTIME
/// one, gets a signed answer whose digest starts with the request MAC; BADKEY and BADSIG get an
/// unsigned TSIG RR (empty MAC) carrying the error, since the client's key cannot be trusted.
/// </summary>
public static class ResponseTsigWriter
{
    private const ushort TypeTsig = 250;

    public static byte[] Append(ReadOnlySpan<byte> response, TsigVerdict verdict, DateTimeOffset now, ushort fudge)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var request = verdict.Tsig;
        var keyName = WireNames.Canonical(request.KeyName);
        var algorithm = WireNames.Canonical(request.Algorithm);
        var buffer = new byte[response.Length + keyName.Length + 10 + algorithm.Length + 16 + TsigMac.MaxLength + 6
            + 2 + request.Mac.Length + TsigVariables.Length(keyName.Length, algorithm.Length, 6)];
        var writer = new WireWriter(buffer);

        if (verdict.Error is TsigError.BadKey or TsigError.BadSig || verdict.Key is null)
        {
            writer.Bytes(response);
            WriteRecord(ref writer, keyName, algorithm, request.TimeSigned, fudge, [], request.OriginalId, (ushort)verdict.Error, []);
            return Finish(buffer, writer.Position);
        }

        // BADTIME answers carry the request's time and put ours in Other Data (RFC 8945 section 5.2.3).
        var badTime = verdict.Error == TsigError.BadTime;
        var timeSigned = badTime ? request.TimeSigned : (ulong)now.ToUnixTimeSeconds();
        Span<byte> other = stackalloc byte[6];
        var otherData = other[..0];
        if (badTime)
        {
            BinaryPrimitives.WriteUInt16BigEndian(other, (ushort)((ulong)now.ToUnixTimeSeconds() >> 32));
            BinaryPrimitives.WriteUInt32BigEndian(other[2..], (uint)now.ToUnixTimeSeconds());
            otherData = other;
        }

        var key = verdict.Key;
        writer.U16((ushort)request.Mac.Length);
        writer.Bytes(request.Mac.Span);
        var messageAt = writer.Position;
        writer.Bytes(response);
        writer.PatchU16(messageAt, request.OriginalId);
        TsigVariables.Write(ref writer, key.CanonicalName, key.CanonicalAlgorithmName, 0, timeSigned, fudge, (ushort)verdict.Error, otherData);
        Span<byte> mac = stackalloc byte[TsigMac.MaxLength];
        var macLength = TsigMac.Compute(key.Algorithm, key.Secret, writer.Written[(messageAt - 2 - request.Mac.Length)..], mac);

        writer = new WireWriter(buffer);
        writer.Bytes(response);
        WriteRecord(ref writer, key.CanonicalName, key.CanonicalAlgorithmName, timeSigned, fudge, mac[..macLength], request.OriginalId, (ushort)verdict.Error, otherData);
        return Finish(buffer, writer.Position);
    }

    private static void WriteRecord(
        ref WireWriter writer, scoped ReadOnlySpan<byte> keyName, scoped ReadOnlySpan<byte> algorithm, ulong timeSigned, ushort fudge,
        scoped ReadOnlySpan<byte> mac, ushort originalId, ushort error, scoped ReadOnlySpan<byte> otherData)
    {
        writer.Bytes(keyName);
        writer.U16(TypeTsig);
        writer.U16(TsigVariables.ClassAny);
        writer.U32(0);
        var lengthAt = writer.Position;
        writer.U16(0);
        writer.Bytes(algorithm);
        writer.U48(timeSigned);
        writer.U16(fudge);
        writer.U16((ushort)mac.Length);
        writer.Bytes(mac);
        writer.U16(originalId);
        writer.U16(error);
        writer.U16((ushort)otherData.Length);
        writer.Bytes(otherData);
        writer.PatchU16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
    }

    private static byte[] Finish(byte[] buffer, int length)
    {
        var result = buffer.AsSpan(0, length).ToArray();
        var additional = BinaryPrimitives.ReadUInt16BigEndian(result.AsSpan(10));
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(10), (ushort)(additional + 1));
        return result;
    }
}
