using System.Diagnostics.Metrics;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Changes;
using Fos1.Sidecars.Kea.Operations;

namespace Fos1.Sidecars.Kea.Pipeline;

/// <summary>
/// The one door into the durable outbox for every lease source: when <see cref="AcceptAsync"/>
/// returns, the changes are on disk and the source may forget them (delete the hook file, ...).
/// </summary>
public sealed class ChangeIntake
{
    public const string MeterName = "Fos1.Kea.Intake";

    private readonly UpdateOutbox _outbox;
    private readonly ForwardOnlyScope _forwardOnly;
    private readonly Counter<long> _accepted;
    private readonly LeaseSourceActivity? _activity;

    /// <param name="forwardOnly">Subnets whose changes lose their reverse half (DHCP services with <c>reverse: false</c>).</param>
    /// <param name="activity">Where each source's accepted changes are counted for /status.</param>
    public ChangeIntake(UpdateOutbox outbox, IMeterFactory meterFactory, ForwardOnlyScope? forwardOnly = null, LeaseSourceActivity? activity = null)
    {
        _activity = activity;
        ArgumentNullException.ThrowIfNull(meterFactory);
        _outbox = outbox;
        _forwardOnly = forwardOnly ?? new ForwardOnlyScope();
        _accepted = meterFactory.Create(MeterName).CreateCounter<long>(
            "fos1.lease.changes", "{change}", "Name changes queued durably, by lease source and change kind");
    }

    /// <summary>
    /// Appends all at once so they share fsyncs (group commit), then waits until every one is durable. Changes in
    /// forward-only subnets are stored without their PTR half (dropped when nothing else is left).
    /// </summary>
    /// <exception cref="Fos1.Outbox.Journaling.JournalWriteException">Not stored (disk full, I/O error): do not acknowledge the source.</exception>
    public async Task AcceptAsync(IReadOnlyCollection<NameChange> changes, LeaseSource source)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes = _forwardOnly.Current.Filter(changes);
        await Task.WhenAll(changes.Select(_outbox.AppendAsync)).ConfigureAwait(false);
        foreach (var change in changes)
        {
            _accepted.Add(1, new("source", source.ToString()), new("change", change.Kind.ToString()));
        }

        _activity?.Accepted(source, changes.Count);
    }
}
