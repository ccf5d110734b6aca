using System.Net;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Tsig;
using Fos1.Dns.Server.Zones;
using Fos1.Zones.Records;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// The TCP side of zone transfers: recognises AXFR/IXFR queries, verifies TSIG, applies the
/// <see cref="TransferPolicy"/> and returns the (signed) messages of <see cref="ZoneTransferResponder"/>.
/// </summary>
public sealed class ZoneTransferService
{
    private readonly IZoneStore _store;
    private readonly TsigKeyring _keys;
    private readonly LiveServingConfiguration _serving;
    private readonly ushort _fudge;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public ZoneTransferService(UpdateServerOptions options, IZoneStore store, ILogger logger, TimeProvider? time = null,
        LiveServingConfiguration? serving = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _keys = new TsigKeyring(options.Keys);
        _serving = serving ?? new LiveServingConfiguration(ServingConfiguration.From(options));
        _fudge = options.Fudge;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True for a QUERY whose single question asks for AXFR or IXFR: those are answered here.</summary>
    public static bool IsTransferRequest(ReadOnlySpan<byte> request)
    {
        var parsed = DnsRequestParser.Parse(request);
        return parsed is { IsValid: true, Header: { IsResponse: false, Opcode: DnsOpcode.Query } }
            && parsed.Message.Questions is [{ Type: DnsType.Axfr or DnsType.Ixfr }];
    }

    public IReadOnlyList<byte[]> Answer(ReadOnlySpan<byte> request, string client)
    {
        var parsed = DnsRequestParser.Parse(request);
        if (!parsed.IsValid || parsed.Message.Questions is not [var question])
        {
            return parsed.Header is { } header ? [ResponseBuilder.Build(header, ResponseCode.FormErr, [])] : [];
        }

        var message = parsed.Message;
        TsigVerdict? verdict = null;
        if (message.Tsig is { } tsig)
        {
            verdict = TsigVerifier.Verify(request, tsig, _keys, _time.GetUtcNow());
            if (!verdict.Verified)
            {
                TransferLog.Transferred(_logger, question.Name, client, tsig.KeyName.Text, ResponseCode.NotAuth, 1);
                return [ResponseTsigWriter.Append(ResponseBuilder.Build(message.Header, ResponseCode.NotAuth, [question]), verdict, _time.GetUtcNow(), _fudge)];
            }
        }

        var signer = verdict?.Key?.Name;
        var address = IPEndPoint.TryParse(client, out var endPoint) ? endPoint.Address : null;
        var messages = ZoneTransferResponder.Respond(message.Header, question, _store.FindDurable(question.Name), _serving.Current.Transfers.Permits(signer, address));
        TransferLog.Transferred(_logger, question.Name, client, signer?.Text ?? "(unsigned)", (ResponseCode)(messages[0][3] & 0x0F), messages.Count);
        if (verdict is null)
        {
            return messages;
        }

        var chain = new TransferTsigChain(verdict, _fudge);
        return messages.Select(m => chain.Sign(m, _time.GetUtcNow())).ToList();
    }
}
