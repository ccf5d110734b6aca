using System.Collections.Concurrent;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using Fos1.Dns.Dispatch;
using Fos1.Dns.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using static Fos1.Dns.Tests.Dispatch.DispatchFixtures;

namespace Fos1.Dns.Tests.Dispatch;

public sealed class NameChangeDispatcherTests
{
    private static (NameChangeDispatcher Dispatcher, ConcurrentQueue<TransactionResult> Results) Start(IDnsUpdateSender sender, int maxInFlight)
    {
        var runner = Runner(sender, out var metrics);
        var dispatcher = new NameChangeDispatcher(runner, metrics, TimeProvider.System, NullLogger<NameChangeDispatcher>.Instance, maxInFlight);
        var results = new ConcurrentQueue<TransactionResult>();
        dispatcher.Finished += results.Enqueue;
        return (dispatcher, results);
    }

    /// <summary>Runs the dispatcher until <paramref name="count"/> changes are completed, then stops it.</summary>
    private static async Task RunUntilCompletedAsync(NameChangeDispatcher dispatcher, InMemoryPendingChanges pending, int count)
    {
        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);
        await Poll.UntilAsync(() => pending.Completed.Count >= count || run.IsCompleted, TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Changes_of_one_client_run_in_arrival_order_never_overlap_and_are_each_completed_in_the_queue()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));
        var (dispatcher, results) = Start(sender, maxInFlight: 8);
        var pending = new InMemoryPendingChanges();
        var add = Add("phone", "192.0.2.10", 1);
        pending.Add(add, Remove(add), add);

        await RunUntilCompletedAsync(dispatcher, pending, 3);

        Assert.Equal([NameChangeKind.Add, NameChangeKind.Remove, NameChangeKind.Add], results.Select(r => r.Change.Kind));
        Assert.Equal([1L, 2L, 3L], pending.Completed.Select(c => c.Change.Id));
        Assert.Equal(1, sender.MaxInFlight);
        Assert.Equal(0, dispatcher.Unfinished);
    }

    [Fact]
    public async Task A_name_passing_to_another_client_is_removed_for_the_first_before_it_is_added_for_the_second()
    {
        var sender = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));
        var (dispatcher, results) = Start(sender, maxInFlight: 8);
        var pending = new InMemoryPendingChanges();
        var oldClient = Add("printer", "192.0.2.10", 1);
        var newClient = Add("printer", "192.0.2.11", 2);
        pending.Add(Remove(oldClient), newClient);

        await RunUntilCompletedAsync(dispatcher, pending, 2);

        Assert.Equal([(NameChangeKind.Remove, "192.0.2.10"), (NameChangeKind.Add, "192.0.2.11")],
            results.Select(r => (r.Change.Kind, r.Change.Address.ToString())));
        Assert.Equal(1, sender.MaxInFlight);
    }

    [Fact]
    public async Task Changes_of_different_clients_are_in_flight_together_up_to_the_limit()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError));
        var blocking = new BlockingSender(held, gate.Task);
        var (dispatcher, results) = Start(blocking, maxInFlight: 3);
        var pending = new InMemoryPendingChanges();
        for (byte i = 1; i <= 6; i++)
        {
            pending.Add(Add($"host{i}", $"192.0.2.{i}", i));
        }

        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);

        await Poll.UntilAsync(() => blocking.Waiting == 3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, blocking.Waiting);
        gate.SetResult();
        await Poll.UntilAsync(() => pending.Completed.Count == 6, TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;

        Assert.Equal(6, results.Count);
        Assert.Equal(3, blocking.MaxWaiting);
        Assert.All(results, r => Assert.Equal(TransactionOutcome.Completed, r.Outcome));
    }

    [Fact]
    public async Task A_backlog_stays_in_the_queue_beyond_twice_the_in_flight_limit_where_later_changes_can_still_supersede_it()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = new BlockingSender(new ScriptedSender((_, _, _) => new UpdateAnswered(ResponseCode.NoError)), gate.Task);
        var (dispatcher, _) = Start(blocking, maxInFlight: 2);
        var pending = new InMemoryPendingChanges();
        for (byte i = 1; i <= 20; i++)
        {
            pending.Add(Add($"host{i}", $"192.0.2.{i}", i));
        }

        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);
        await Poll.UntilAsync(() => blocking.Waiting == 2, TimeSpan.FromSeconds(10));
        gate.SetResult();
        await Poll.UntilAsync(() => pending.Completed.Count == 20, TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;

        Assert.Equal(NameChangeDispatcher.HeldLimit(2), pending.MaxOutstanding);
        Assert.Equal(4, NameChangeDispatcher.HeldLimit(2));
    }

    [Fact]
    public async Task A_change_whose_sending_throws_is_dropped_and_the_next_one_still_runs()
    {
        var sender = new ScriptedSender((plan, _, _) => plan.Updates[0].Name.Text.StartsWith("bad", StringComparison.Ordinal)
            ? throw new InvalidOperationException("bug")
            : new UpdateAnswered(ResponseCode.NoError));
        var (dispatcher, results) = Start(sender, maxInFlight: 2);
        var pending = new InMemoryPendingChanges();
        pending.Add(Add("bad", "192.0.2.66", 6), Add("good", "192.0.2.7", 7));

        await RunUntilCompletedAsync(dispatcher, pending, 1);

        Assert.Equal("good.home.arpa", Assert.Single(results).Change.Fqdn.Text);
        // The failed change is not completed: it stays queued for the next start.
        Assert.Equal([2L], pending.Completed.Select(c => c.Change.Id));
        Assert.Equal(0, dispatcher.Unfinished);
    }

    [Fact]
    public async Task A_change_waiting_for_its_completion_to_be_durable_frees_its_slot_but_holds_back_its_clients_next_change()
    {
        // Two slots: "phone" finishes its DNS work but its completion is not durable yet, "laptop" hangs on the wire.
        var wire = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new HangingSender("laptop", wire.Task);
        var (dispatcher, results) = Start(sender, maxInFlight: 2);
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = new GatedCompletions(durable.Task, firstId: 1);
        var phone = Add("phone", "192.0.2.10", 1);
        pending.Add(phone, Add("laptop", "192.0.2.20", 2), Remove(phone), Add("tablet", "192.0.2.30", 3));
        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(pending, stop.Token);

        // The phone's slot went to the tablet; the phone's own release still waits for the durable completion.
        await Poll.UntilAsync(() => pending.Completed.Count == 2, TimeSpan.FromSeconds(10));
        Assert.Equal([1L, 4L], pending.Completed.Select(c => c.Change.Id).Order());
        Assert.DoesNotContain(results, r => r.Change.Kind == NameChangeKind.Remove);

        durable.SetResult();
        wire.SetResult();
        await Poll.UntilAsync(() => pending.Completed.Count == 4, TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;

        var phoneChanges = results.Where(r => r.Change.Fqdn.Text == "phone.home.arpa").Select(r => r.Change.Kind);
        Assert.Equal([NameChangeKind.Add, NameChangeKind.Remove], phoneChanges);
        Assert.Equal(0, dispatcher.Unfinished);
    }

    /// <summary>Answers NOERROR at once, except for plans touching <c>host</c>, which hang until the gate opens.</summary>
    private sealed class HangingSender(string host, Task gate) : IDnsUpdateSender
    {
        public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            if (plan.Updates.Any(update => update.Name.Text.StartsWith(host, StringComparison.Ordinal))
                || plan.Prerequisites.Any(prerequisite => prerequisite.Name.Text.StartsWith(host, StringComparison.Ordinal)))
            {
                await gate.WaitAsync(cancellationToken);
            }

            return new UpdateAnswered(ResponseCode.NoError);
        }
    }

    /// <summary>The completion of change <c>firstId</c> is recorded at once but becomes durable only with the gate.</summary>
    private sealed class GatedCompletions(Task durable, long firstId) : IPendingChanges
    {
        private readonly InMemoryPendingChanges _inner = new();

        public ConcurrentQueue<(QueuedChange Change, TransactionResult Result)> Completed => _inner.Completed;

        public void Add(params NameChange[] changes) => _inner.Add(changes);

        public Task WaitForPendingAsync(CancellationToken cancellationToken) => _inner.WaitForPendingAsync(cancellationToken);

        public IReadOnlyList<QueuedChange> Take(int maxCount) => _inner.Take(maxCount);

        public async Task CompleteAsync(QueuedChange change, TransactionResult result, CancellationToken cancellationToken)
        {
            await _inner.CompleteAsync(change, result, cancellationToken);
            if (change.Id == firstId)
            {
                await durable.WaitAsync(cancellationToken);
            }
        }
    }

    private sealed class BlockingSender(IDnsUpdateSender inner, Task gate) : IDnsUpdateSender
    {
        private int _waiting;
        private int _maxWaiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public int MaxWaiting => Volatile.Read(ref _maxWaiting);

        public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _waiting);
            lock (this)
            {
                _maxWaiting = Math.Max(_maxWaiting, now);
            }

            await gate.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _waiting);
            return await inner.SendAsync(plan, target, timeout, cancellationToken);
        }
    }
}
