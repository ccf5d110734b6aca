namespace Fos1.Dns.Wire;

/// <summary>A slice of a received message: offset and length, so parsing copies nothing.</summary>
internal readonly record struct WireSlice(int Offset, int Length)
{
    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> message) => message.Slice(Offset, Length);
}

/// <summary>The fields of a TSIG RR found at the end of a response (RFC 8945 section 4.2).</summary>
internal readonly record struct ResponseTsig(
    int RecordOffset,
    uint Ttl,
    ulong TimeSigned,
    ushort Fudge,
    WireSlice Mac,
    ushort OriginalId,
    ushort Error,
    WireSlice OtherData);
