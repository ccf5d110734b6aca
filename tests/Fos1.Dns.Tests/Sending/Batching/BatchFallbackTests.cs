using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using static Fos1.Dns.Tests.Sending.Batching.BatchingFixtures;

namespace Fos1.Dns.Tests.Sending.Batching;

/// <summary>What each caller is told when a merged message is not answered NOERROR, and when callers give up.</summary>
public sealed class BatchFallbackTests
{
    [Fact]
    public async Task A_merged_message_answered_YXDOMAIN_is_resent_plan_by_plan_and_each_caller_gets_its_own_answer()
    {
        // The fake server: the name "taken" is in use, so any message claiming it fails as a whole.
        var inner = new HeldSender(message => Answer(Claims(message, "taken") ? ResponseCode.YxDomain : ResponseCode.NoError));
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        UpdateMessagePlan[] waiting = [Add("b", 2), Add("taken", 3), Add("d", 4)];
        var callers = waiting.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        gate.SetResult();
        var outcomes = await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.Equal([Answer(ResponseCode.NoError), Answer(ResponseCode.YxDomain), Answer(ResponseCode.NoError)], outcomes);
        Assert.Equal(Answer(ResponseCode.NoError), await inFlight.WaitAsync(Patience));
        var messages = inner.Plans;
        Assert.Equal(5, messages.Count);
        Assert.Equal(waiting.SelectMany(plan => plan.Updates), messages[1].Updates);
        Assert.Equal(waiting, messages.Skip(2).OrderBy(plan => Array.IndexOf(waiting, plan)));
    }

    [Fact]
    public async Task A_large_merged_message_that_fails_is_resent_in_halves_so_only_the_bad_plans_quarter_goes_plan_by_plan()
    {
        var inner = new HeldSender(message => Answer(Claims(message, "taken") ? ResponseCode.YxDomain : ResponseCode.NoError));
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var waiting = Enumerable.Range(2, 16).Select(i => i == 7 ? Add("taken", (byte)i) : Add($"host-{i}", (byte)i)).ToArray();
        var callers = waiting.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        gate.SetResult();
        var outcomes = await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.Equal(waiting.Select(plan => Answer(Claims(plan, "taken") ? ResponseCode.YxDomain : ResponseCode.NoError)), outcomes);
        await inFlight.WaitAsync(Patience);
        // first; all 16 (YXDOMAIN); halves of 8 (one YXDOMAIN); quarters of 4 (one YXDOMAIN); its 4 plans alone.
        Assert.Equal([1, 16, 8, 8, 4, 4, 1, 1, 1, 1], Sizes(inner.Plans));
        Assert.Equal(waiting[4..8], inner.Plans.Where(plan => plan.Prerequisites.Count == 1 && !ReferenceEquals(plan, first)).OrderBy(plan => Array.IndexOf(waiting, plan)));
    }

    private static int[] Sizes(IReadOnlyList<UpdateMessagePlan> plans) =>
        [plans[0].Prerequisites.Count, .. plans.Skip(1).Select(plan => plan.Prerequisites.Count).OrderByDescending(count => count)];

    [Theory]
    [InlineData(UpdateFailureKind.Timeout)]
    [InlineData(UpdateFailureKind.NetworkError)]
    [InlineData(UpdateFailureKind.TsigNotVerified)]
    public async Task A_merged_message_that_gets_no_trustworthy_answer_gives_every_caller_that_failure_without_resending(UpdateFailureKind kind)
    {
        var failure = new UpdateFailed(kind, "no answer from 127.0.0.1:5301 within 1000 ms");
        var first = Add("first", 1);
        var inner = new HeldSender(message => ReferenceEquals(message, first) ? Answer(ResponseCode.NoError) : failure);
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var callers = new[] { Add("b", 2), Add("c", 3) }.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        gate.SetResult();
        var outcomes = await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.Equal([failure, failure], outcomes);
        await inFlight.WaitAsync(Patience);
        Assert.Equal(2, inner.Messages.Count);
    }

    [Fact]
    public async Task A_merged_message_the_inner_sender_rejects_is_resent_plan_by_plan_and_only_the_bad_plan_throws()
    {
        var outside = new UpdateMessagePlan(Rfc4703Plans.Forward, [new NameIsNotInUse(DnsName.Parse("x.example.com"))], []);
        var inner = new HeldSender(message => message.Prerequisites.Any(p => p.Name == outside.Prerequisites[0].Name)
            ? throw new ArgumentException("names x.example.com, which is outside zone home.arpa")
            : Answer(ResponseCode.NoError));
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var good = batching.SendAsync(Add("b", 2), Primary, Budget);
        var bad = batching.SendAsync(outside, Primary, Budget);

        gate.SetResult();

        Assert.Equal(Answer(ResponseCode.NoError), await good.WaitAsync(Patience));
        await Assert.ThrowsAsync<ArgumentException>(() => bad.WaitAsync(Patience));
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_is_left_out_and_the_others_still_ride_together()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        using var impatient = new CancellationTokenSource();
        var b = Add("b", 2);
        var d = Add("d", 4);
        var stayB = batching.SendAsync(b, Primary, Budget);
        var leaves = batching.SendAsync(Add("c", 3), Primary, Budget, impatient.Token);
        var stayD = batching.SendAsync(d, Primary, Budget);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaves.WaitAsync(Patience));
        gate.SetResult();

        Assert.Equal([Answer(ResponseCode.NoError), Answer(ResponseCode.NoError)], await Task.WhenAll(stayB, stayD).WaitAsync(Patience));
        Assert.Equal(b.Updates.Concat(d.Updates), inner.Plans[1].Updates);
        Assert.Equal(2, inner.Messages.Count);
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_its_merged_message_is_in_flight_does_not_cancel_the_message()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var firstGate = inner.Hold(first);
        var mergedGate = inner.Hold(message => message.Prerequisites.Count > 1);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        using var impatient = new CancellationTokenSource();
        var stays = batching.SendAsync(Add("b", 2), Primary, Budget);
        var leaves = batching.SendAsync(Add("c", 3), Primary, Budget, impatient.Token);
        firstGate.SetResult();
        await Dispatch.Poll.UntilAsync(() => inner.Messages.Count == 2, Patience);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaves.WaitAsync(Patience));
        Assert.False(inner.Messages.Last().CancellationToken.IsCancellationRequested);
        mergedGate.SetResult();

        Assert.Equal(Answer(ResponseCode.NoError), await stays.WaitAsync(Patience));
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_its_plan_is_sent_alone_cancels_only_that_send()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        inner.Hold(first);
        using var impatient = new CancellationTokenSource();
        var leaves = batching.SendAsync(first, Primary, Budget, impatient.Token);
        var next = batching.SendAsync(Add("b", 2), Primary, Budget);

        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaves.WaitAsync(Patience));
        Assert.Equal(Answer(ResponseCode.NoError), await next.WaitAsync(Patience));
    }
}
