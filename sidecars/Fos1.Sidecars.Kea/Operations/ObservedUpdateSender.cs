using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>Sends through the real sender and notes each outcome per zone, so readiness can say whether DNS answers.</summary>
public sealed class ObservedUpdateSender(IDnsUpdateSender inner, DnsReachability reachability) : IDnsUpdateSender
{
    public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        var outcome = await inner.SendAsync(plan, target, timeout, cancellationToken).ConfigureAwait(false);
        reachability.Observed(plan.Zone, target.Server, outcome);
        return outcome;
    }
}
