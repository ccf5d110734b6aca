using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Dispatch;

/// <summary>
/// Drives one name change through the pure <see cref="NameChangeTransaction"/>, sending each step
/// to the zone's servers and resending the same step after a timeout, a lost answer or SERVFAIL.
/// </summary>
public sealed partial class NameChangeRunner(
    IDnsUpdateSender sender,
    DdnsRouting routing,
    RetryPolicy retry,
    DdnsMetrics metrics,
    TimeProvider time,
    ILogger<NameChangeRunner> logger)
{
    public async Task<TransactionResult> RunAsync(NameChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var forward = change.Forward ? routing.Forward.Match(change.Fqdn) : null;
        var reverse = change.Reverse ? routing.Reverse.Match(Ddns.ReverseName.For(change.Address)) : null;
        var progress = NameChangeTransaction.Start(change, forward?.Zone, reverse?.Zone);
        while (progress is SendUpdate send)
        {
            var domain = send.Step.Side == UpdateSide.Forward ? forward!.Domain : reverse!.Domain;
            var rcode = await SendUntilAnsweredAsync(send.Step, domain, cancellationToken).ConfigureAwait(false);
            metrics.UpdateAnswered(send.Step, rcode);
            progress = NameChangeTransaction.Advance(send.Step, rcode);
        }

        return ((TransactionFinished)progress).Result;
    }

    private async Task<ResponseCode> SendUntilAnsweredAsync(TransactionStep step, DdnsDomain domain, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(retry.DelayBefore(attempt), time, cancellationToken).ConfigureAwait(false);
            }

            // Each resend goes to the next server, as D2 does.
            var target = domain.Servers[(attempt - 1) % domain.Servers.Count];
            var outcome = await sender.SendAsync(step.Plan, target, retry.Timeout, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case UpdateAnswered { ResponseCode: ResponseCode.ServFail }:
                    metrics.Retried(step, "SERVFAIL");
                    LogRetrying(step.Kind, step.OwnerName, target.Server, "SERVFAIL", attempt);
                    break;
                case UpdateAnswered answered:
                    return answered.ResponseCode;
                case UpdateFailed { Kind: UpdateFailureKind.BadSig }:
                    return ResponseCode.BadSig;
                case UpdateFailed { Kind: UpdateFailureKind.BadKey }:
                    return ResponseCode.BadKey;
                case UpdateFailed failed:
                    metrics.Retried(step, failed.Kind.ToString());
                    LogRetrying(step.Kind, step.OwnerName, target.Server, failed.Kind, failed.Detail, attempt);
                    break;
            }
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "{Step} for {Name} via {Server} got no usable answer ({Problem}), attempt {Attempt}; resending")]
    private partial void LogRetrying(TransactionStepKind step, Ddns.DnsName name, System.Net.IPEndPoint server, string problem, int attempt);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "{Step} for {Name} via {Server} got no usable answer ({Problem}: {Detail}), attempt {Attempt}; resending")]
    private partial void LogRetrying(TransactionStepKind step, Ddns.DnsName name, System.Net.IPEndPoint server, UpdateFailureKind problem, string detail, int attempt);
}
