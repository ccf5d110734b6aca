using Fos1.Kubernetes.Queues;
using Fos1.Kubernetes.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Kubernetes.Tests.Queues;

public sealed class WorkQueueTests
{
    private static readonly WorkQueueOptions Backoff = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };

    [Fact]
    public async Task A_key_added_twice_before_it_is_taken_is_taken_once()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal("b", await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_key_added_while_it_is_processed_is_handed_out_again_only_after_done()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var taken = await queue.TakeAsync(CancellationToken.None);

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Count);

        queue.Done(taken);
        Assert.Equal(1, queue.Count);
        Assert.Equal("a", await queue.TakeAsync(CancellationToken.None));
        queue.Done("a");
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void AddAfter_holds_the_key_until_the_delay_has_passed()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: time);

        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, queue.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Of_two_pending_delays_for_a_key_the_earlier_wins_and_the_key_is_added_once()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(timeProvider: time);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, queue.Count);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddRateLimited_doubles_the_delay_per_failure_up_to_the_maximum_and_Forget_resets_it()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(Backoff, time);
        var delays = new List<TimeSpan>();
        for (var failure = 0; failure < 5; failure++)
        {
            delays.Add(DelayUntilQueued(queue, time, "a"));
        }

        queue.Forget("a");
        delays.Add(DelayUntilQueued(queue, time, "a"));

        Assert.Equal([1, 2, 4, 8, 8, 1], delays.Select(delay => delay.TotalSeconds));
        Assert.Equal(1, queue.Failures("a"));
    }

    [Fact]
    public void Backoff_is_per_key()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(Backoff, time);
        DelayUntilQueued(queue, time, "a");
        DelayUntilQueued(queue, time, "a");

        Assert.Equal(TimeSpan.FromSeconds(1), DelayUntilQueued(queue, time, "b"));
        Assert.Equal(2, queue.Failures("a"));
    }

    [Fact]
    public async Task Workers_never_process_the_same_key_concurrently_and_process_it_after_a_requeue()
    {
        using var queue = new WorkQueue<int>();
        using var stop = new CancellationTokenSource();
        var active = new int[3];
        var runs = new int[3];
        var overlaps = 0;
        var workers = queue.RunWorkersAsync(8, async (key, _) =>
        {
            if (Interlocked.Increment(ref active[key]) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            Interlocked.Increment(ref runs[key]);
            if (key == 0 && runs[0] < 20)
            {
                queue.Add(0);
            }

            await Task.Yield();
            Interlocked.Decrement(ref active[key]);
        }, stop.Token);

        queue.Add(0);
        queue.Add(1);
        queue.Add(2);
        await Eventually.HoldsAsync(() => Volatile.Read(ref runs[0]) >= 20 && Volatile.Read(ref runs[1]) == 1 && Volatile.Read(ref runs[2]) == 1, "key 0 ran 20 times");
        await stop.CancelAsync();
        await workers;

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task Work_that_throws_is_retried_after_its_backoff()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(Backoff, time);
        using var stop = new CancellationTokenSource();
        var attempts = 0;
        var workers = queue.RunWorkersAsync(1, (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("boom");
        }, stop.Token);

        queue.Add("a");
        await Eventually.HoldsAsync(() => queue.Failures("a") == 1, "the first attempt failed");
        Assert.Equal(1, Volatile.Read(ref attempts));

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => Volatile.Read(ref attempts) == 2, "the retry ran");
        await stop.CancelAsync();
        await workers;
    }

    [Fact]
    public async Task Dispose_releases_workers_waiting_for_a_key()
    {
        var queue = new WorkQueue<string>();
        var waiting = queue.TakeAsync(CancellationToken.None);
        queue.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static TimeSpan DelayUntilQueued(WorkQueue<string> queue, FakeTimeProvider time, string key)
    {
        var start = time.GetUtcNow();
        queue.AddRateLimited(key);
        while (queue.Count == 0)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var taken = queue.TakeAsync(CancellationToken.None).GetAwaiter().GetResult();
        queue.Done(taken);
        return time.GetUtcNow() - start;
    }
}
