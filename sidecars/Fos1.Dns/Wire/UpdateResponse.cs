using System.Buffers.Binary;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Wire;

/// <summary>Reads the response to an UPDATE and decides what it means for the request (RFC 2136 + RFC 8945 5.3).</summary>
public static class UpdateResponse
{
    private const int HeaderLength = 12;
    private const ushort TsigBadSig = 16;
    private const ushort TsigBadKey = 17;
    private const ushort TsigBadTime = 18;

    /// <summary>True when the TC bit is set: the answer must be fetched again over TCP.</summary>
    public static bool IsTruncated(ReadOnlySpan<byte> response) => response.Length >= 3 && (response[2] & 0x02) != 0;

    public static UpdateOutcome Interpret(EncodedUpdate request, ReadOnlySpan<byte> response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (response.Length < HeaderLength)
        {
            return Malformed($"{response.Length} octets is shorter than a DNS header");
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(response);
        if (id != request.TransactionId)
        {
            return new UpdateFailed(UpdateFailureKind.IdMismatch, $"response id {id} does not match request id {request.TransactionId}");
        }

        var isResponse = (response[2] & 0x80) != 0;
        var opcode = (response[2] >> 3) & 0x0F;
        if (!isResponse || opcode != UpdateMessageEncoder.OpcodeUpdate)
        {
            return Malformed($"not an UPDATE response (QR={(isResponse ? 1 : 0)}, opcode {opcode})");
        }

        var rcode = (ResponseCode)(response[3] & 0x0F);
        if (request.Key is null)
        {
            return new UpdateAnswered(rcode);
        }

        if (!TryFindTsig(response, request.Key, out var tsig, out var problem))
        {
            return problem;
        }

        if (tsig is not { } found)
        {
            return new UpdateFailed(UpdateFailureKind.TsigNotVerified, $"the response ({rcode}) to a signed update is unsigned");
        }

        switch (found.Error)
        {
            case TsigBadSig:
                return new UpdateFailed(UpdateFailureKind.BadSig, $"the server could not verify our MAC with key {request.Key} ({rcode}): wrong secret?");
            case TsigBadKey:
                return new UpdateFailed(UpdateFailureKind.BadKey, $"the server does not know key {request.Key} ({rcode})");
            case TsigBadTime:
                return new UpdateFailed(UpdateFailureKind.BadTime, $"the server rejected our time as outside {UpdateMessageEncoder.FudgeSeconds} s ({rcode}): clocks differ");
            case not 0:
                return new UpdateFailed(UpdateFailureKind.TsigNotVerified, $"the response carries TSIG error {found.Error} ({rcode})");
        }

        if (found.Mac.Length != request.Key.Algorithm.MacLength()
            || !TsigSigner.VerifyResponseMac(request.Key, request.RequestMac.Span, response[..found.RecordOffset], found, response))
        {
            return new UpdateFailed(UpdateFailureKind.TsigNotVerified, $"the response MAC ({rcode}) does not verify with key {request.Key}");
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - (long)found.TimeSigned);
        if (skew > found.Fudge)
        {
            return new UpdateFailed(UpdateFailureKind.BadTime, $"the response was signed {skew} s away from our clock, more than its fudge of {found.Fudge} s");
        }

        return new UpdateAnswered(rcode);
    }

    /// <returns>False with <paramref name="problem"/> when the message is malformed or the TSIG names another key.</returns>
    private static bool TryFindTsig(ReadOnlySpan<byte> response, TsigKey key, out ResponseTsig? tsig, out UpdateOutcome problem)
    {
        tsig = null;
        problem = null!;
        var offset = 4;
        WireReader.TryU16(response, ref offset, out var zoneCount);
        WireReader.TryU16(response, ref offset, out var prerequisiteCount);
        WireReader.TryU16(response, ref offset, out var updateCount);
        WireReader.TryU16(response, ref offset, out var additionalCount);
        for (var i = 0; i < zoneCount; i++)
        {
            if (!WireReader.TrySkipName(response, ref offset) || !WireReader.TrySkip(response, ref offset, 4))
            {
                problem = Malformed("zone section is cut short");
                return false;
            }
        }

        Span<byte> owner = stackalloc byte[256];
        Span<byte> algorithm = stackalloc byte[256];
        for (var i = 0; i < prerequisiteCount + updateCount + additionalCount; i++)
        {
            var recordOffset = offset;
            if (!WireReader.TryReadName(response, ref offset, owner, out var ownerLength)
                || !WireReader.TryU16(response, ref offset, out var type)
                || !WireReader.TryU16(response, ref offset, out _)
                || !WireReader.TryU32(response, ref offset, out var ttl)
                || !WireReader.TryU16(response, ref offset, out var rdataLength)
                || offset + rdataLength > response.Length)
            {
                problem = Malformed($"resource record {i + 1} is cut short");
                return false;
            }

            var rdataEnd = offset + rdataLength;
            if (type != UpdateMessageEncoder.TypeTsig)
            {
                offset = rdataEnd;
                continue;
            }

            if (i != prerequisiteCount + updateCount + additionalCount - 1)
            {
                problem = Malformed("a TSIG record that is not the last record");
                return false;
            }

            if (!WireReader.TryReadName(response, ref offset, algorithm, out var algorithmLength)
                || !WireReader.TryU48(response, ref offset, out var timeSigned)
                || !WireReader.TryU16(response, ref offset, out var fudge)
                || !WireReader.TryU16(response, ref offset, out var macLength)
                || !WireReader.TrySkip(response, ref offset, macLength))
            {
                problem = Malformed("TSIG record is cut short");
                return false;
            }

            var mac = new WireSlice(offset - macLength, macLength);
            if (!WireReader.TryU16(response, ref offset, out var originalId)
                || !WireReader.TryU16(response, ref offset, out var error)
                || !WireReader.TryU16(response, ref offset, out var otherLength)
                || !WireReader.TrySkip(response, ref offset, otherLength)
                || offset != rdataEnd)
            {
                problem = Malformed("TSIG record is cut short or has trailing octets");
                return false;
            }

            if (!owner[..ownerLength].SequenceEqual(key.CanonicalName) || !algorithm[..algorithmLength].SequenceEqual(key.CanonicalAlgorithmName))
            {
                problem = new UpdateFailed(UpdateFailureKind.TsigNotVerified, $"the response is signed with another key or algorithm than {key}");
                return false;
            }

            tsig = new ResponseTsig(recordOffset, ttl, timeSigned, fudge, mac, originalId, error, new WireSlice(offset - otherLength, otherLength));
        }

        return true;
    }

    private static UpdateFailed Malformed(string detail) => new(UpdateFailureKind.MalformedResponse, detail);
}
