using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using static Fos1.Ddns.Tests.Transactions.TransactionScript;

namespace Fos1.Ddns.Tests.Transactions;

public sealed class NameChangeTransactionResultTests
{
    [Fact]
    public void A_refused_step_is_reported_with_its_kind_owner_zone_and_rcode()
    {
        var (_, result) = Play("remove", [ResponseCode.NoError, ResponseCode.NoError, ResponseCode.Refused]);

        Assert.Equal(TransactionOutcome.Failed, result.Outcome);
        Assert.Equal(TransactionStepKind.ReverseRemove, result.LastStep?.Kind);
        Assert.Equal("100.2.0.192.in-addr.arpa", result.LastStep?.OwnerName.Text);
        Assert.Equal(Samples.ReverseZone4, result.LastStep?.Zone);
        Assert.Equal(ResponseCode.Refused, result.LastResponseCode);
        Assert.Equal(
            "Remove host-192-0-2-100.home.arpa. 192.0.2.100: Failed, forward Removed, reverse Failed; "
            + "last ReverseRemove #3 of 100.2.0.192.in-addr.arpa. in zone 2.0.192.in-addr.arpa. answered Refused",
            result.ToString());
    }

    [Fact]
    public void A_conflict_keeps_the_other_clients_name_and_never_touches_the_reverse_side()
    {
        var (steps, result) = Play("add", [ResponseCode.YxDomain, ResponseCode.NxRrset]);

        Assert.All(steps, s => Assert.Equal(UpdateSide.Forward, s.Side));
        Assert.Equal(TransactionOutcome.Conflict, result.Outcome);
        Assert.Equal(new TransactionSides(Samples.ForwardZone, Samples.ReverseZone4, SideResult.Conflict, SideResult.NotAttempted), result.Sides);
    }

    [Fact]
    public void A_side_without_a_zone_is_reported_and_the_other_side_still_runs()
    {
        var (steps, result) = Play("add no forward zone", [ResponseCode.NoError]);

        Assert.Equal([TransactionStepKind.ReverseReplace], steps.Select(s => s.Kind));
        Assert.Equal(new TransactionSides(null, Samples.ReverseZone4, SideResult.NoZone, SideResult.Replaced), result.Sides);
        Assert.Equal(TransactionOutcome.Completed, result.Outcome);
    }

    [Fact]
    public void Nothing_to_do_sends_nothing_and_says_why()
    {
        var (change, _, _) = Scenario("add");

        var progress = NameChangeTransaction.Start(change, null, null);

        var result = Assert.IsType<TransactionFinished>(progress).Result;
        Assert.Equal(TransactionOutcome.NothingToDo, result.Outcome);
        Assert.Null(result.LastStep);
        Assert.Null(result.LastResponseCode);
        Assert.Equal(0, result.UpdatesSent);
        Assert.Equal("Add host-192-0-2-100.home.arpa. 192.0.2.100: NothingToDo, forward NoZone, reverse NoZone; no update sent", result.ToString());
    }

    [Fact]
    public void Zones_of_sides_that_were_not_requested_are_not_carried()
    {
        var (steps, result) = Play("add forward only", [ResponseCode.NoError]);

        Assert.Null(steps[0].Sides.ReverseZone);
        Assert.Null(result.Sides.ReverseZone);
    }

    [Fact]
    public void The_add_replace_race_is_retried_a_bounded_number_of_times()
    {
        var answers = Enumerable.Repeat(new[] { ResponseCode.YxDomain, ResponseCode.NxDomain }, NameChangeTransaction.MaxForwardAddAttempts).SelectMany(a => a);

        var (steps, result) = Play("add", answers);

        Assert.Equal(
            Enumerable.Range(1, NameChangeTransaction.MaxForwardAddAttempts).SelectMany(n => new[] { n, n }),
            steps.Select(s => s.ForwardAddAttempt));
        Assert.Equal(TransactionOutcome.Failed, result.Outcome);
        Assert.Equal(ResponseCode.NxDomain, result.LastResponseCode);
    }

    [Fact]
    public void Advancing_the_same_step_twice_gives_the_same_answer_so_a_runner_may_replay_it()
    {
        var step = NameChangeTransactionTransitionTests.Reach(TransactionStepKind.ForwardAdd);

        var first = Assert.IsType<SendUpdate>(NameChangeTransaction.Advance(step, ResponseCode.YxDomain)).Step;
        var second = Assert.IsType<SendUpdate>(NameChangeTransaction.Advance(step, ResponseCode.YxDomain)).Step;

        Assert.Equal(first.Kind, second.Kind);
        Assert.Equal(first.Number, second.Number);
        Assert.Equal(first.Plan.ToString(), second.Plan.ToString());
        Assert.Equal(TransactionStepKind.ForwardAdd, step.Kind);
    }
}
