using Fos1.Ddns;
using Fos1.Observability.Readiness;
using Fos1.Outbox.Changes;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>A lease source that must be running: the NCR socket bound, the hook spool watched, the lease file followed.</summary>
public sealed class LeaseSourceCheck(string source, LeaseSourceActivity activity) : IReadinessCheck
{
    public string Name => $"source:{source}";

    public ReadinessResult Check()
    {
        var state = activity.Of(source);
        return new ReadinessResult(state.Healthy, state.Reason);
    }
}

/// <summary>Reconciliation reached Kea's control channel (and the zones) at its last run.</summary>
public sealed class ReconciliationCheck(ReconciliationRuns runs) : IReadinessCheck
{
    public string Name => "source:reconciliation";

    public ReadinessResult Check() => runs.Last switch
    {
        null => ReadinessResult.Failing("first run not finished yet"),
        { Succeeded: true } run => ReadinessResult.Ok($"last run at {run.At:O} read {run.Leases} leases from Kea"),
        { } run => ReadinessResult.Failing($"last run at {run.At:O} failed: {run.Error}"),
    };
}

/// <summary>The zone's DNS server answered our last UPDATE (any RCODE: it is there and takes our key).</summary>
public sealed class DnsZoneCheck(DnsName zone, DnsReachability reachability) : IReadinessCheck
{
    public string Name => $"dns:{ZoneNames.Absolute(zone)}";

    public ReadinessResult Check() => reachability.LastContact(zone) switch
    {
        null => ReadinessResult.Ok("no UPDATE sent yet"),
        { Reached: true } contact => ReadinessResult.Ok($"{contact.Server} {contact.Detail} at {contact.At:O}"),
        { } contact => ReadinessResult.Failing($"{contact.Server} unreachable or refusing our key ({contact.Detail}) at {contact.At:O}"),
    };
}

/// <summary>The outbox is not piling up: past the limit DNS is not keeping up (or not there) and the pod should say so.</summary>
public sealed class OutboxCheck(UpdateOutbox outbox, int limit) : IReadinessCheck
{
    public string Name => "outbox";

    public ReadinessResult Check()
    {
        var pending = outbox.PendingCount;
        return pending < limit
            ? ReadinessResult.Ok($"{pending} pending (limit {limit})")
            : ReadinessResult.Failing($"{pending} pending, at or over the limit {limit} (Observability:OutboxReadyLimit): DNS is not keeping up");
    }
}
