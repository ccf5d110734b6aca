using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Zones;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// The answer to an AXFR (or IXFR, answered with the whole zone as RFC 1995 section 4 allows) for
/// one zone version, as unsigned response messages: SOA first, every record in canonical order, SOA
/// last (RFC 5936 section 2.2), AA set. Pure: the caller finds the zone, decides the ACL and signs.
/// </summary>
public static class ZoneTransferResponder
{
    public const int DefaultMaxMessageSize = 16 * 1024;

    /// <param name="zone">The zone named by the question, or null when this server has none.</param>
    /// <param name="permitted">What the <see cref="TransferPolicy"/> said about this client.</param>
    public static IReadOnlyList<byte[]> Respond(DnsHeader request, DnsQuestion question, Zone? zone, bool permitted, int maxMessageSize = DefaultMaxMessageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(question);
        if (question.Type is not (DnsType.Axfr or DnsType.Ixfr))
        {
            return [ResponseBuilder.Build(request, ResponseCode.FormErr, [question])];
        }

        if (question.Class != DnsClass.In)
        {
            return [ResponseBuilder.Build(request, ResponseCode.NotImp, [question])];
        }

        if (zone is null)
        {
            return [ResponseBuilder.Build(request, ResponseCode.NotAuth, [question])];
        }

        if (!permitted)
        {
            return [ResponseBuilder.Build(request, ResponseCode.Refused, [question])];
        }

        // Zone.Records starts with the apex SOA; the transfer ends with it again.
        IEnumerable<ResourceRecord> records = [.. zone.Records, zone.SoaRecord];
        return TransferMessageWriter.Write(request, question, records, maxMessageSize).ToList();
    }
}
