using System.Net;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using static Fos1.Dns.Tests.Sending.Batching.BatchingFixtures;

namespace Fos1.Dns.Tests.Sending.Batching;

/// <summary>When plans are merged, in what order, and when they go: against a fake inner sender and a stopped clock.</summary>
public sealed class BatchingUpdateSenderTests
{
    [Fact]
    public async Task A_lone_plan_is_sent_at_once_as_it_is_without_waiting_for_the_delay()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var plan = Add("phone", 1);

        var outcome = await batching.SendAsync(plan, Primary, Budget).WaitAsync(Patience);

        Assert.Equal(Answer(ResponseCode.NoError), outcome);
        var sent = Assert.Single(inner.Messages);
        Assert.Same(plan, sent.Plan);
        Assert.Equal(Primary, sent.Target);
        Assert.Equal(Budget, sent.Timeout);
    }

    [Fact]
    public async Task Plans_sent_one_after_another_each_go_at_once()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);

        await batching.SendAsync(Add("a", 1), Primary, Budget).WaitAsync(Patience);
        await batching.SendAsync(Add("b", 2), Primary, Budget).WaitAsync(Patience);

        Assert.Equal(2, inner.Messages.Count);
    }

    [Fact]
    public async Task Disjoint_plans_waiting_behind_an_update_in_flight_ride_in_one_message_in_arrival_order()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        UpdateMessagePlan[] waiting = [Add("b", 2), RemoveAddress("c", 3), Add("d", 4)];
        var callers = waiting.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();
        Assert.Single(inner.Messages);

        gate.SetResult();
        var outcomes = await Task.WhenAll(callers.Prepend(inFlight)).WaitAsync(Patience);

        Assert.All(outcomes, outcome => Assert.Equal(Answer(ResponseCode.NoError), outcome));
        Assert.Equal(2, inner.Messages.Count);
        var merged = inner.Plans[1];
        Assert.Equal(Rfc4703Plans.Forward, merged.Zone);
        Assert.Equal(waiting.SelectMany(plan => plan.Prerequisites), merged.Prerequisites);
        Assert.Equal(waiting.SelectMany(plan => plan.Updates), merged.Updates);
    }

    [Fact]
    public async Task Plans_that_name_the_same_owner_never_ride_in_one_message()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var claim = Add("shared", 2);
        var rival = Add("shared", 3);
        var release = RemoveAddress("shared", 2);
        var other = Add("other", 4);
        var callers = new[] { claim, rival, release, other }.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        gate.SetResult();
        await Task.WhenAll(callers.Prepend(inFlight)).WaitAsync(Patience);

        var messages = inner.Plans.Skip(1).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal(claim.Prerequisites.Concat(other.Prerequisites), messages[0].Prerequisites);
        Assert.Equal(claim.Updates.Concat(other.Updates), messages[0].Updates);
        Assert.Same(rival, messages[1]);
        Assert.Same(release, messages[2]);
    }

    [Fact]
    public async Task Waiting_plans_go_after_the_delay_while_the_update_ahead_of_them_is_still_in_flight()
    {
        var inner = new HeldSender();
        var clock = StoppedClock();
        using var batching = Batcher(inner, clock, maxDelayMs: 2);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var callers = new[] { Add("b", 2), Add("c", 3) }.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        clock.Advance(TimeSpan.FromMilliseconds(2) - TimeSpan.FromTicks(1));
        Assert.Single(inner.Messages);
        clock.Advance(TimeSpan.FromTicks(1));
        await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.Equal(2, inner.Messages.Count);
        Assert.Equal(4, inner.Plans[1].Updates.Count);
        Assert.False(inFlight.IsCompleted);
        gate.SetResult();
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_full_message_goes_as_soon_as_MaxPlansPerMessage_plans_wait()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxPlans: 3, maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var full = new[] { Add("b", 2), Add("c", 3), Add("d", 4) }.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();
        var next = batching.SendAsync(Add("e", 5), Primary, Budget);

        await Task.WhenAll(full).WaitAsync(Patience);

        Assert.Equal(2, inner.Messages.Count);
        Assert.Equal(3, inner.Plans[1].Prerequisites.Count);
        Assert.False(next.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(inFlight, next).WaitAsync(Patience);
        Assert.Equal(3, inner.Messages.Count);
    }

    [Fact]
    public async Task A_merged_message_stays_within_MaxMessageOctets()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000, maxOctets: 512);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var callers = Enumerable.Range(2, 20).Select(i => batching.SendAsync(Add($"host-{i}", (byte)i), Primary, Budget)).ToList();

        gate.SetResult();
        await Task.WhenAll(callers.Prepend(inFlight)).WaitAsync(Patience);

        var merged = inner.Plans.Skip(1).ToList();
        Assert.InRange(merged.Count, 2, 19);
        Assert.Equal(20, merged.Sum(plan => plan.Prerequisites.Count));
        Assert.All(merged, plan => Assert.InRange(Fos1.Dns.Wire.UpdateMessageEncoder.Encode(plan, 0).Message.Length, 0, 512));
    }

    [Fact]
    public async Task Plans_for_another_zone_do_not_wait_behind_this_zone()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var reverse = Rfc4703Plans.ReverseRemove(DnsName.Parse("9.2.0.192.in-addr.arpa"), Name("first"));
        var otherServer = new DnsUpdateTarget(new IPEndPoint(IPAddress.Loopback, 5302), null);

        await batching.SendAsync(reverse, Primary, Budget).WaitAsync(Patience);
        await batching.SendAsync(Add("b", 2), otherServer, Budget).WaitAsync(Patience);

        Assert.Equal(3, inner.Messages.Count);
        gate.SetResult();
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task With_MaxPlansPerMessage_1_every_plan_goes_alone_at_once()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxPlans: 1, maxDelayMs: 1000);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var second = Add("b", 2);

        await batching.SendAsync(second, Primary, Budget).WaitAsync(Patience);

        Assert.Same(second, inner.Plans[1]);
        gate.SetResult();
        await inFlight.WaitAsync(Patience);
    }

    [Fact]
    public async Task With_the_zones_window_full_plans_wait_past_the_delay_for_an_answer_and_then_ride_together()
    {
        var inner = new HeldSender();
        var clock = StoppedClock();
        using var batching = Batcher(inner, clock, maxDelayMs: 2, maxMessagesInFlight: 2);
        var first = Add("first", 1);
        var second = Add("second", 2);
        var firstGate = inner.Hold(first);
        var secondGate = inner.Hold(message => message.Prerequisites.Contains(second.Prerequisites[0]));
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var secondCaller = batching.SendAsync(second, Primary, Budget);
        clock.Advance(TimeSpan.FromMilliseconds(2));
        await Dispatch.Poll.UntilAsync(() => inner.Messages.Count == 2, Patience);
        UpdateMessagePlan[] waiting = [Add("c", 3), Add("d", 4), Add("e", 5)];
        var callers = waiting.Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, inner.Messages.Count);
        firstGate.SetResult();
        await Task.WhenAll(callers.Prepend(inFlight)).WaitAsync(Patience);

        Assert.Equal(3, inner.Messages.Count);
        Assert.Equal(waiting.SelectMany(plan => plan.Updates), inner.Plans[2].Updates);
        Assert.False(secondCaller.IsCompleted);
        secondGate.SetResult();
        await secondCaller.WaitAsync(Patience);
    }

    [Fact]
    public async Task An_answer_frees_one_place_in_the_window_and_the_plans_waiting_take_it_at_once()
    {
        var inner = new HeldSender();
        using var batching = Batcher(inner, StoppedClock(), maxPlans: 2, maxDelayMs: 1000, maxMessagesInFlight: 1);
        var first = Add("first", 1);
        var gate = inner.Hold(first);
        var inFlight = batching.SendAsync(first, Primary, Budget);
        var callers = new[] { Add("b", 2), Add("c", 3), Add("d", 4), Add("e", 5), Add("f", 6) }
            .Select(plan => batching.SendAsync(plan, Primary, Budget)).ToList();
        Assert.Single(inner.Messages);

        gate.SetResult();
        await Task.WhenAll(callers.Prepend(inFlight)).WaitAsync(Patience);

        Assert.Equal([1, 2, 2, 1], inner.Plans.Select(plan => plan.Prerequisites.Count));
    }

    [Fact]
    public async Task A_plan_naming_an_owner_in_flight_waits_for_that_answer_although_the_window_has_room()
    {
        var inner = new HeldSender();
        var clock = StoppedClock();
        using var batching = Batcher(inner, clock, maxDelayMs: 2, maxMessagesInFlight: 4);
        var claim = Add("shared", 1);
        var gate = inner.Hold(claim);
        var inFlight = batching.SendAsync(claim, Primary, Budget);
        var release = RemoveAddress("shared", 1);
        var other = Add("other", 2);
        var releaseCaller = batching.SendAsync(release, Primary, Budget);
        var otherCaller = batching.SendAsync(other, Primary, Budget);

        clock.Advance(TimeSpan.FromMilliseconds(2));
        await otherCaller.WaitAsync(Patience);
        Assert.Equal([claim, other], inner.Plans);
        Assert.False(releaseCaller.IsCompleted);

        gate.SetResult();
        await Task.WhenAll(inFlight, releaseCaller).WaitAsync(Patience);
        Assert.Equal([claim, other, release], inner.Plans);
    }
}
