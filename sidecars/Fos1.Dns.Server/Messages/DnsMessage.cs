using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Messages;

/// <summary>
/// A parsed request. Records are <see cref="RawRecord"/>s with every name decompressed, RDATA names
/// included. The TSIG RR, when it ended the additional section, is in <see cref="Tsig"/> and not in
/// <see cref="Additional"/>.
/// </summary>
public sealed record DnsMessage(
    DnsHeader Header,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<RawRecord> Answers,
    IReadOnlyList<RawRecord> Authority,
    IReadOnlyList<RawRecord> Additional,
    RequestTsig? Tsig)
{
    /// <summary>RFC 2136 section 2: zone, prerequisite (answer) and update (authority) sections.</summary>
    public UpdateRequest ToUpdateRequest() =>
        new(
            Questions.Select(q => new ZoneSection(q.Name, q.Type, q.Class)).ToArray(),
            Answers,
            Authority);
}
