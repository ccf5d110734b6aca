using Fos1.Ddns.Updates;
using Fos1.Zones;
using Fos1.Zones.Records;

namespace Fos1.Dns.Publishing.Answering;

/// <summary>
/// Answers a DNS query from zone snapshots, as an authoritative-only server: pure, no I/O, no state.
/// Truncation is the transport's concern (gRPC has no size limit; CoreDNS truncates for its UDP clients).
/// </summary>
public static class AuthoritativeAnswerer
{
    /// <param name="findZone">The zone that holds a name (longest match), or null when none does.</param>
    /// <param name="query">The query message as received.</param>
    /// <returns>
    /// The response message: FORMERR for an unreadable query or not exactly one question, NOTIMP for an
    /// opcode other than QUERY or a transfer/mailbox question, REFUSED for another class or a name
    /// outside every zone; otherwise an authoritative (AA) answer, NODATA or NXDOMAIN.
    /// </returns>
    public static byte[] Answer(Func<DnsName, Zone?> findZone, ReadOnlySpan<byte> query)
    {
        ArgumentNullException.ThrowIfNull(findZone);
        var parsed = ParsedQuery.Parse(query);
        if (parsed.Question is not { } question)
        {
            return ResponseEncoder.Encode(parsed, parsed.Failure ?? ResponseCode.FormErr, false, [], []);
        }

        if (QuestionFailure(question) is { } failure)
        {
            return ResponseEncoder.Encode(parsed, failure, false, [], []);
        }

        if (findZone(question.Name) is not { } zone || !zone.Contains(question.Name))
        {
            return ResponseEncoder.Encode(parsed, ResponseCode.Refused, false, [], []);
        }

        var answer = ZoneAnswer.For(zone, question);
        return ResponseEncoder.Encode(parsed, answer.Code, true, answer.Answer, answer.Authority);
    }

    private static ResponseCode? QuestionFailure(DnsQuestion question) => question switch
    {
        // OPT, TSIG and TKEY are records, never questions.
        { Type: DnsType.Opt or DnsType.Tsig or DnsType.Tkey } => ResponseCode.FormErr,
        // Transfers are served over TCP by the AXFR side, not through a single gRPC exchange.
        { Type: DnsType.Axfr or DnsType.Ixfr or DnsType.MailA or DnsType.MailB } => ResponseCode.NotImp,
        { Class: not DnsClass.In } => ResponseCode.Refused,
        _ => null,
    };
}
