using System.Collections.Concurrent;
using Fos1.Dns.Server.Zones;
using Fos1.Zones;
using Fos1.Zones.Updates;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>
/// A store whose commits are accepted at once (the next <see cref="Find"/> sees them) and become durable
/// only when the test completes them, the way the journal's group commit does after its fsync.
/// </summary>
internal sealed class HeldCommitStore(params Zone[] zones) : IZoneStore
{
    private readonly ConcurrentDictionary<DnsName, Zone> _latest = new(zones.ToDictionary(z => z.Origin));
    private readonly Dictionary<DnsName, Zone> _initial = zones.ToDictionary(z => z.Origin);

    public ConcurrentQueue<(UpdateOutcome Outcome, TaskCompletionSource Durable)> Pending { get; } = new();

    public Zone? Find(DnsName origin) => _latest.GetValueOrDefault(origin);

    /// <summary>The last commit of the zone whose durable task has completed, else the zone as given.</summary>
    public Zone? FindDurable(DnsName origin) =>
        Pending.LastOrDefault(p => p.Outcome.Zone.Origin == origin && p.Durable.Task.IsCompletedSuccessfully).Outcome?.Zone
        ?? _initial.GetValueOrDefault(origin);

    public Task CommitAsync(UpdateOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _latest[outcome.Zone.Origin] = outcome.Zone;
        Pending.Enqueue((outcome, durable));
        return durable.Task;
    }

    /// <summary>Polls (never sleeps a fixed time) until <paramref name="count"/> commits were handed over.</summary>
    public async Task WaitForPendingAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Pending.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {Pending.Count} of {count} commits were handed over");
            await Task.Delay(5);
        }
    }
}
