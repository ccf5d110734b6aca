using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Tsig;
using Fos1.Dns.Server.Zones;
using Fos1.Zones.Records;
using Fos1.Zones.Updates;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Serving;

/// <summary>
/// Answers one request, whatever the transport: UPDATEs are verified, applied one at a time per zone
/// (each built on the version the previous one produced) and answered once that version is durable; SOA queries for served zones are answered (nsupdate asks them);
/// other opcodes get NOTIMP. Never throws for anything in the request.
/// </summary>
public sealed class UpdateHandler
{
    private readonly UpdateServerOptions _options;
    private readonly IZoneStore _store;
    private readonly TsigKeyring _keys;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly UpdateServerMetrics _metrics;
    private readonly ZoneGates _gates = new();
    private readonly LiveServingConfiguration _serving;

    public UpdateHandler(UpdateServerOptions options, IZoneStore store, ILogger logger, UpdateServerMetrics metrics, TimeProvider? time = null,
        LiveServingConfiguration? serving = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        _options = options;
        _store = store;
        _keys = new TsigKeyring(options.Keys);
        _logger = logger;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _serving = serving ?? new LiveServingConfiguration(ServingConfiguration.From(options));
    }

    /// <summary>
    /// The zone's single-writer gate, the one UPDATEs take: hold it to build on the store's latest version
    /// and commit from outside the server (static records from a resource), so neither side's commit is
    /// built on a version the other just replaced.
    /// </summary>
    public Task<IDisposable> EnterZoneAsync(DnsName zone, CancellationToken cancellationToken) => _gates.EnterAsync(zone, cancellationToken);

    /// <returns>The response, or null when the request deserves none (shorter than a header, or itself a response).</returns>
    public async Task<byte[]?> HandleAsync(ReadOnlyMemory<byte> request, string client, CancellationToken cancellationToken)
    {
        var parsed = DnsRequestParser.Parse(request.Span);
        if (parsed.Header is not { IsResponse: false } header)
        {
            return null;
        }

        try
        {
            if (!parsed.IsValid)
            {
                UpdateServerLog.Malformed(_logger, client, parsed.Error);
                if (header.Opcode == DnsOpcode.Update)
                {
                    _metrics.Answered(null, null, ResponseCode.FormErr);
                }

                return ResponseBuilder.Build(header, ResponseCode.FormErr, []);
            }

            var message = parsed.Message;
            TsigVerdict? verdict = null;
            if (message.Tsig is { } tsig)
            {
                verdict = TsigVerifier.Verify(request.Span, tsig, _keys, _time.GetUtcNow());
                if (!verdict.Verified)
                {
                    UpdateServerLog.TsigFailed(_logger, client, tsig.KeyName, verdict.Error.ToString());
                    if (header.Opcode == DnsOpcode.Update)
                    {
                        _metrics.Answered(tsig.KeyName, ZoneOf(message), ResponseCode.NotAuth);
                    }

                    return Sign(ResponseBuilder.Build(header, ResponseCode.NotAuth, message.Questions), verdict);
                }
            }

            var response = header.Opcode switch
            {
                DnsOpcode.Update => await UpdateAsync(message, verdict?.Key?.Name, client, cancellationToken).ConfigureAwait(false),
                DnsOpcode.Query => Query(message),
                _ => ResponseBuilder.Build(header, ResponseCode.NotImp, []),
            };
            return Sign(response, verdict);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UpdateServerLog.HandlerFailed(_logger, e, client);
            return ResponseBuilder.Build(header, ResponseCode.ServFail, []);
        }
    }

    private async Task<byte[]> UpdateAsync(DnsMessage message, DnsName? signer, string client, CancellationToken cancellationToken)
    {
        var zoneName = ZoneOf(message);
        if (message.Questions is not [{ Type: DnsType.Soa } zoneSection])
        {
            return Answer(message, signer, zoneName, client, ResponseCode.FormErr, "the zone section must hold exactly one SOA entry");
        }

        if (_store.Find(zoneSection.Name) is null)
        {
            return Answer(message, signer, zoneName, client, ResponseCode.NotAuth, "this server has no such zone");
        }

        Task durable;
        UpdateOutcome outcome;
        using (var gate = await _gates.EnterGateAsync(zoneSection.Name, cancellationToken).ConfigureAwait(false))
        {
            // Read the zone again inside the gate: the version before it may have been replaced meanwhile.
            var zone = _store.Find(zoneSection.Name)!;
            outcome = UpdateProcessor.Apply(zone, message.ToUpdateRequest(), _serving.Current.Policy, signer);
            if (outcome.Changed)
            {
                try
                {
                    // Handed over in order inside the gate; made durable outside it, together with the
                    // commits of the UPDATEs that follow (one fsync for the burst).
                    durable = _store.CommitAsync(outcome, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    UpdateServerLog.CommitFailed(_logger, e, zone.Origin);
                    return Answer(message, signer, zoneName, client, ResponseCode.ServFail, "the store did not commit");
                }

                gate.LastCommit = durable;
            }
            else
            {
                durable = gate.LastCommit;
            }
        }

        try
        {
            // NOERROR (or any verdict) only once the version it rests on is durable.
            await durable.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UpdateServerLog.CommitFailed(_logger, e, outcome.Zone.Origin);
            return Answer(message, signer, zoneName, client, ResponseCode.ServFail,
                outcome.Changed ? "the store did not commit" : "the version this answer rests on was not made durable");
        }

        return Answer(message, signer, zoneName, client, outcome.Code, outcome.Reason);
    }

    private byte[] Answer(DnsMessage message, DnsName? signer, DnsName? zone, string client, ResponseCode code, string reason)
    {
        _metrics.Answered(signer, zone, code);
        UpdateServerLog.Answered(_logger, zone ?? DnsName.Root, signer?.Text ?? "(unsigned)", client, code, reason);
        return ResponseBuilder.Build(message.Header, code, message.Questions);
    }

    /// <summary>
    /// SOA queries only: the apex SOA of a served zone, or for a name inside one the SOA in the
    /// authority section (how nsupdate finds the zone of a name). Anything else is REFUSED: other
    /// queries are the publishing side's job.
    /// </summary>
    private byte[] Query(DnsMessage message)
    {
        // AXFR over TCP never reaches this handler (ZoneTransferService answers it); over UDP it is not defined (RFC 5936 section 4.2).
        if (message.Questions is [{ Type: DnsType.Axfr }])
        {
            return ResponseBuilder.Build(message.Header, ResponseCode.FormErr, message.Questions);
        }

        if (message.Questions is not [{ Type: DnsType.Soa, Class: DnsClass.In } question])
        {
            return ResponseBuilder.Build(message.Header, ResponseCode.Refused, message.Questions);
        }

        for (var name = question.Name; name is not null; name = name.Parent)
        {
            if (_store.Find(name) is not { } zone)
            {
                continue;
            }

            if (question.Name == zone.Origin)
            {
                return ResponseBuilder.Build(message.Header, ResponseCode.NoError, message.Questions, authoritative: true, answers: [zone.SoaRecord]);
            }

            var code = zone.HasName(question.Name) ? ResponseCode.NoError : ResponseCode.NxDomain;
            return ResponseBuilder.Build(message.Header, code, message.Questions, authoritative: true, authority: [zone.SoaRecord]);
        }

        return ResponseBuilder.Build(message.Header, ResponseCode.Refused, message.Questions);
    }

    private byte[] Sign(byte[] response, TsigVerdict? verdict) =>
        verdict is null ? response : ResponseTsigWriter.Append(response, verdict, _time.GetUtcNow(), _options.Fudge);

    private static DnsName? ZoneOf(DnsMessage message) => message.Questions.Count > 0 ? message.Questions[0].Name : null;
}
