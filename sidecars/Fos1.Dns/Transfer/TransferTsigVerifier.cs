using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Transfer;

/// <summary>
/// Verifies the TSIG chain of a multi-message answer (RFC 8945 section 5.3.1): the first message's MAC covers the
/// request MAC, the message and all TSIG variables; each later MAC covers the prior MAC, every unsigned message
/// since it, this message and only the timers. A server may leave up to 99 messages in a row unsigned, but the
/// last one must be signed.
/// </summary>
internal sealed class TransferTsigVerifier
{
    private const int MaxUnsignedInARow = 99;
    private const ushort ClassAny = 255;

    private readonly TsigKey _key;
    private readonly ArrayBufferWriter<byte> _unsigned = new();
    private byte[] _priorMac;
    private bool _first = true;
    private int _unsignedCount;

    public TransferTsigVerifier(TsigKey key, byte[] requestMac)
    {
        _key = key;
        _priorMac = requestMac;
    }

    public void Accept(ReadOnlySpan<byte> message, TransferTsig? tsig, DateTimeOffset now)
    {
        if (tsig is null)
        {
            if (_first || ++_unsignedCount > MaxUnsignedInARow)
            {
                throw Fail(_first ? "the first message of the signed transfer is unsigned" : $"more than {MaxUnsignedInARow} messages in a row are unsigned");
            }

            _unsigned.Write(message);
            return;
        }

        if (!tsig.Owner.AsSpan().SequenceEqual(_key.CanonicalName) || !tsig.Algorithm.AsSpan().SequenceEqual(_key.CanonicalAlgorithmName))
        {
            throw Fail($"a message is signed with another key or algorithm than {_key}");
        }

        if (tsig.Error != 0)
        {
            throw Fail($"the server reports TSIG error {tsig.Error} ({(tsig.Error switch { 16 => "BADSIG", 17 => "BADKEY", 18 => "BADTIME", _ => "unknown" })}) for key {_key}");
        }

        using var digest = new MemoryStream();
        Span<byte> field = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(field, (ushort)_priorMac.Length);
        digest.Write(field[..2]);
        digest.Write(_priorMac);
        digest.Write(_unsigned.WrittenSpan);
        var messageAt = (int)digest.Length;
        digest.Write(message[..tsig.RecordOffset]);
        var buffer = digest.GetBuffer();
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(messageAt), tsig.OriginalId);
        var additional = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(messageAt + 10));
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(messageAt + 10), (ushort)(additional - 1));
        if (_first)
        {
            digest.Write(_key.CanonicalName);
            BinaryPrimitives.WriteUInt16BigEndian(field, ClassAny);
            digest.Write(field[..2]);
            BinaryPrimitives.WriteUInt32BigEndian(field, tsig.Ttl);
            digest.Write(field[..4]);
            digest.Write(_key.CanonicalAlgorithmName);
        }

        BinaryPrimitives.WriteUInt16BigEndian(field, (ushort)(tsig.TimeSigned >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(field[2..], (uint)tsig.TimeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(field[6..], tsig.Fudge);
        digest.Write(field);
        if (_first)
        {
            BinaryPrimitives.WriteUInt16BigEndian(field, tsig.Error);
            BinaryPrimitives.WriteUInt16BigEndian(field[2..], (ushort)tsig.OtherData.Length);
            digest.Write(field[..4]);
            digest.Write(tsig.OtherData);
        }

        Span<byte> expected = stackalloc byte[TsigMac.MaxLength];
        var length = TsigMac.Compute(_key.Algorithm, _key.Secret, digest.GetBuffer().AsSpan(0, (int)digest.Length), expected);
        if (tsig.Mac.Length != length || !CryptographicOperations.FixedTimeEquals(expected[..length], tsig.Mac))
        {
            throw Fail($"a message MAC does not verify with key {_key}");
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - (long)tsig.TimeSigned);
        if (skew > tsig.Fudge)
        {
            throw Fail($"a message was signed {skew} s away from our clock, more than its fudge of {tsig.Fudge} s");
        }

        _priorMac = tsig.Mac;
        _first = false;
        _unsigned.ResetWrittenCount();
        _unsignedCount = 0;
    }

    /// <summary>Called after the closing SOA: the last message must have been signed.</summary>
    public void Finish()
    {
        if (_unsignedCount > 0)
        {
            throw Fail("the last message of the signed transfer is unsigned");
        }
    }

    private static ZoneTransferException Fail(string detail) => new(ZoneTransferFailure.TsigNotVerified, detail);
}
