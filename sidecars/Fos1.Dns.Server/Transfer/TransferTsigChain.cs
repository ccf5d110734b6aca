using System.Buffers.Binary;
using Fos1.Dns.Server.Tsig;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Signs every message of a multi-message response (RFC 8945 section 5.3.1). The first is signed
/// like any response (request MAC + message + all TSIG variables); each later one over the previous
/// MAC, the message and only the timers, so a client can check the chain message by message.
/// </summary>
internal sealed class TransferTsigChain(TsigVerdict verdict, ushort fudge)
{
    private const ushort TypeTsig = 250;
    private byte[]? _previousMac;

    public byte[] Sign(byte[] message, DateTimeOffset now)
    {
        var key = verdict.Key ?? throw new InvalidOperationException("only a verified request's answer is signed in a chain");
        if (_previousMac is null)
        {
            var signed = ResponseTsigWriter.Append(message, verdict, now, fudge);
            var macLength = key.Algorithm.MacLength();
            _previousMac = signed.AsSpan(signed.Length - 6 - macLength, macLength).ToArray();
            return signed;
        }

        var timeSigned = (ulong)now.ToUnixTimeSeconds();
        var digest = new byte[2 + _previousMac.Length + message.Length + 8];
        var writer = new WireWriter(digest);
        writer.U16((ushort)_previousMac.Length);
        writer.Bytes(_previousMac);
        writer.Bytes(message);
        writer.U48(timeSigned);
        writer.U16(fudge);
        Span<byte> mac = stackalloc byte[TsigMac.MaxLength];
        var length = TsigMac.Compute(key.Algorithm, key.Secret, writer.Written, mac);
        _previousMac = mac[..length].ToArray();

        var result = new byte[message.Length + key.CanonicalName.Length + 10 + key.CanonicalAlgorithmName.Length + 16 + length];
        writer = new WireWriter(result);
        writer.Bytes(message);
        writer.Bytes(key.CanonicalName);
        writer.U16(TypeTsig);
        writer.U16(TsigVariables.ClassAny);
        writer.U32(0);
        var lengthAt = writer.Position;
        writer.U16(0);
        writer.Bytes(key.CanonicalAlgorithmName);
        writer.U48(timeSigned);
        writer.U16(fudge);
        writer.U16((ushort)length);
        writer.Bytes(_previousMac);
        writer.U16(verdict.Tsig.OriginalId);
        writer.U16(0);
        writer.U16(0);
        writer.PatchU16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
        var additional = BinaryPrimitives.ReadUInt16BigEndian(result.AsSpan(10));
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(10), (ushort)(additional + 1));
        return result[..writer.Position];
    }
}
