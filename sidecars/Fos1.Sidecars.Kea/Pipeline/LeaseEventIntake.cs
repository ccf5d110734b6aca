using System.Diagnostics.Metrics;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;
using Microsoft.Extensions.Logging;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>Lease events from the hook spool or the memfile tail: named, owned (DHCID) and queued durably.</summary>
public sealed partial class LeaseEventIntake
{
    private readonly LeaseNameChangePlanner _planner;
    private readonly ChangeIntake _intake;
    private readonly ILogger<LeaseEventIntake> _logger;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _events;

    public LeaseEventIntake(LeaseNameChangePlanner planner, ChangeIntake intake, IMeterFactory meterFactory, ILogger<LeaseEventIntake> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _planner = planner;
        _intake = intake;
        _logger = logger;
        _skipped = meterFactory.Create(ChangeIntake.MeterName).CreateCounter<long>(
            "fos1.lease.skipped", "{event}", "Lease events that ask nothing of DNS or were refused, by reason");
        _events = meterFactory.Create(ChangeIntake.MeterName).CreateCounter<long>(
            "fos1.lease.events", "{event}", "Lease events received from the hook spool and the memfile tail, by source and kind");
    }

    public async ValueTask AcceptAsync(IReadOnlyList<LeaseEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var changes = new List<NameChange>(events.Count);
        foreach (var leaseEvent in events)
        {
            _events.Add(1, new("source", leaseEvent.Source.ToString()), new("kind", leaseEvent.Kind.ToString()));
            var plan = _planner.Plan(leaseEvent);
            if (plan.Change is { } change)
            {
                changes.Add(change);
                continue;
            }

            _skipped.Add(1, new KeyValuePair<string, object?>("reason", plan.Skipped.ToString()));
            var level = plan.Skipped is LeaseSkipReason.PrefixDelegation or LeaseSkipReason.NoUpdatesWanted ? LogLevel.Debug : LogLevel.Warning;
            LogSkipped(level, leaseEvent.Kind, leaseEvent.Lease.Address, leaseEvent.Lease.Hostname, plan.Skipped, plan.Detail);
        }

        if (changes.Count > 0)
        {
            await _intake.AcceptAsync(changes, events[0].Source).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 400, Message = "{Event} of {Address} (host name '{Hostname}') asks nothing of DNS: {Reason}: {Detail}")]
    private partial void LogSkipped(LogLevel level, LeaseEventKind @event, System.Net.IPAddress address, string? hostname, LeaseSkipReason? reason, string? detail);
}
