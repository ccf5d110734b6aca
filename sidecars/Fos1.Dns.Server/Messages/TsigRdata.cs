using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Messages;

/// <summary>Reads TSIG RDATA (RFC 8945 section 4.2).</summary>
internal static class TsigRdata
{
    public static bool TryRead(
        ReadOnlySpan<byte> message, int start, int length, DnsName keyName, uint ttl, int recordOffset, out RequestTsig? tsig, out string? error)
    {
        tsig = null;
        var end = start + length;
        var at = start;
        var bounded = message[..end];
        if (!WireNameText.TryRead(bounded, ref at, out var algorithm, out error))
        {
            return false;
        }

        if (!WireReader.TryU48(bounded, ref at, out var timeSigned)
            || !WireReader.TryU16(bounded, ref at, out var fudge)
            || !WireReader.TryU16(bounded, ref at, out var macLength)
            || !WireReader.TrySkip(bounded, ref at, macLength))
        {
            error = "TSIG RDATA is truncated";
            return false;
        }

        var mac = bounded.Slice(at - macLength, macLength).ToArray();
        if (!WireReader.TryU16(bounded, ref at, out var originalId)
            || !WireReader.TryU16(bounded, ref at, out var tsigError)
            || !WireReader.TryU16(bounded, ref at, out var otherLength)
            || !WireReader.TrySkip(bounded, ref at, otherLength)
            || at != end)
        {
            error = "TSIG RDATA is truncated or too long";
            return false;
        }

        var other = bounded.Slice(at - otherLength, otherLength).ToArray();
        tsig = new RequestTsig(keyName, algorithm, ttl, timeSigned, fudge, mac, originalId, tsigError, other, recordOffset);
        return true;
    }
}
