using System.Collections.Concurrent;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using static Fos1.Dns.Tests.Dispatch.DispatchFixtures;

namespace Fos1.Dns.Tests.Dispatch;

/// <summary>
/// Many changes of few clients, with answers and completion fsyncs that take varying time: every change is
/// completed exactly once, and each client's changes run one at a time in arrival order, each starting only
/// after the previous one's completion was durable.
/// </summary>
public sealed class DispatcherOrderingStressTests
{
    [Fact]
    public async Task Every_change_completes_once_and_each_clients_changes_start_only_after_the_previous_completion_is_durable()
    {
        const int Clients = 12;
        const int Changes = 600;
        var pending = new SlowCompletions();
        var changes = new List<NameChange>();
        for (var i = 0; i < Changes; i++)
        {
            var client = (byte)(1 + (i * 7 % Clients));
            var add = Add($"host{client}", $"192.0.2.{client}", client);
            changes.Add(i % 3 == 2 ? Remove(add) : add);
        }

        pending.Add([.. changes]);
        var sender = new JitterSender(pending);
        var metrics = new DdnsMetrics(new Fos1.Testbed.Metrics.TestMeterFactory());
        var runner = new NameChangeRunner(sender, Routing(), FastRetry, metrics, TimeProvider.System, NullLogger<NameChangeRunner>.Instance);
        var dispatcher = new NameChangeDispatcher(runner, metrics, TimeProvider.System, NullLogger<NameChangeDispatcher>.Instance, maxInFlight: 4);
        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);

        await Poll.UntilAsync(() => pending.Durable.Count == Changes || run.IsCompleted, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await run;

        Assert.Equal(Changes, pending.Durable.Count);
        Assert.Equal(Enumerable.Range(1, Changes).Select(i => (long)i), pending.Durable.Select(c => c.Id).Order());
        Assert.Empty(sender.Violations);
        foreach (var client in pending.Durable.GroupBy(c => c.Change.Dhcid))
        {
            var ids = client.Select(c => c.Id).ToList();
            Assert.Equal(ids.Order(), ids);
        }
    }

    /// <summary>Completions become durable after a varying number of yields, in no particular order across clients.</summary>
    private sealed class SlowCompletions : IPendingChanges
    {
        private readonly InMemoryPendingChanges _inner = new();

        public ConcurrentQueue<QueuedChange> Durable { get; } = new();

        /// <summary>Owner names (forward and reverse) of changes whose completion is not durable yet.</summary>
        public ConcurrentDictionary<string, byte> Completing { get; } = new();

        public void Add(params NameChange[] changes) => _inner.Add(changes);

        public Task WaitForPendingAsync(CancellationToken cancellationToken) => _inner.WaitForPendingAsync(cancellationToken);

        public IReadOnlyList<QueuedChange> Take(int maxCount) => _inner.Take(maxCount);

        public async Task CompleteAsync(QueuedChange change, TransactionResult result, CancellationToken cancellationToken)
        {
            string[] owners = [change.Change.Fqdn.Text, Ddns.ReverseName.For(change.Change.Address).Text];
            foreach (var owner in owners)
            {
                Completing[owner] = 0;
            }

            for (var i = 0; i < (int)(change.Id % 5) * 3; i++)
            {
                await Task.Yield();
            }

            Durable.Enqueue(change);
            foreach (var owner in owners)
            {
                Completing.TryRemove(owner, out _);
            }
        }
    }

    /// <summary>Answers NOERROR after a few yields and records any step sent while an earlier change of its client was not durable.</summary>
    private sealed class JitterSender(SlowCompletions pending) : IDnsUpdateSender
    {
        private readonly ConcurrentDictionary<string, int> _inFlight = new();
        private int _calls;

        public ConcurrentQueue<string> Violations { get; } = new();

        public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var owner = plan.Updates[0].Name.Text;
            if (_inFlight.AddOrUpdate(owner, 1, (_, n) => n + 1) > 1)
            {
                Violations.Enqueue($"two steps for {owner} at once");
            }

            if (pending.Completing.ContainsKey(owner))
            {
                Violations.Enqueue($"a step for {owner} while an earlier change's completion was not durable");
            }

            for (var i = 0; i < Interlocked.Increment(ref _calls) % 4; i++)
            {
                await Task.Yield();
            }

            _inFlight.AddOrUpdate(owner, 0, (_, n) => n - 1);
            return new UpdateAnswered(ResponseCode.NoError);
        }
    }
}
