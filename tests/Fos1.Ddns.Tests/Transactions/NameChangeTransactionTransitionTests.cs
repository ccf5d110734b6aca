using Fos1.Ddns.Planning;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using static Fos1.Ddns.Tests.Transactions.TransactionScript;

namespace Fos1.Ddns.Tests.Transactions;

/// <summary>Every step kind answered with every RCODE: the listed answers lead on, all others fail.</summary>
public sealed class NameChangeTransactionTransitionTests
{
    /// <summary>The transitions of the flow (step, answer) -> next step kind, or a final outcome.</summary>
    private static readonly Dictionary<(TransactionStepKind, ResponseCode), string> Transitions = new()
    {
        [(TransactionStepKind.ForwardAdd, ResponseCode.NoError)] = "ReverseReplace",
        [(TransactionStepKind.ForwardAdd, ResponseCode.YxDomain)] = "ForwardReplace",
        [(TransactionStepKind.ForwardReplace, ResponseCode.NoError)] = "ReverseReplace",
        [(TransactionStepKind.ForwardReplace, ResponseCode.NxDomain)] = "ForwardAdd",
        [(TransactionStepKind.ForwardReplace, ResponseCode.NxRrset)] = "Conflict",
        [(TransactionStepKind.ForwardReplace, ResponseCode.YxRrset)] = "Conflict",
        [(TransactionStepKind.ReverseReplace, ResponseCode.NoError)] = "Completed",
        [(TransactionStepKind.ForwardRemoveAddress, ResponseCode.NoError)] = "ForwardRemoveName",
        [(TransactionStepKind.ForwardRemoveAddress, ResponseCode.NxRrset)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveAddress, ResponseCode.NxDomain)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveAddress, ResponseCode.YxRrset)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveName, ResponseCode.NoError)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveName, ResponseCode.NxRrset)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveName, ResponseCode.YxRrset)] = "ReverseRemove",
        [(TransactionStepKind.ForwardRemoveName, ResponseCode.NxDomain)] = "ReverseRemove",
        [(TransactionStepKind.ReverseRemove, ResponseCode.NoError)] = "Completed",
        [(TransactionStepKind.ReverseRemove, ResponseCode.NxRrset)] = "Completed",
        [(TransactionStepKind.ReverseRemove, ResponseCode.NxDomain)] = "Completed",
        [(TransactionStepKind.SimpleForwardReplace, ResponseCode.NoError)] = "SimpleReverseReplace",
        [(TransactionStepKind.SimpleReverseReplace, ResponseCode.NoError)] = "Completed",
        [(TransactionStepKind.SimpleForwardRemove, ResponseCode.NoError)] = "SimpleReverseRemove",
        [(TransactionStepKind.SimpleReverseRemove, ResponseCode.NoError)] = "Completed",
    };

    public static TheoryData<TransactionStepKind, ResponseCode> EveryStepAndAnswer()
    {
        var data = new TheoryData<TransactionStepKind, ResponseCode>();
        foreach (var kind in Enum.GetValues<TransactionStepKind>())
        {
            foreach (var rcode in Enum.GetValues<ResponseCode>())
            {
                data.Add(kind, rcode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepAndAnswer))]
    public void Each_answer_leads_where_the_transition_table_says_and_any_other_fails(TransactionStepKind kind, ResponseCode rcode)
    {
        var step = Reach(kind);

        var progress = NameChangeTransaction.Advance(step, rcode);

        var expected = Transitions.GetValueOrDefault((kind, rcode), "Failed");
        switch (progress)
        {
            case SendUpdate send:
                Assert.Equal(expected, send.Step.Kind.ToString());
                Assert.Equal(step.Number + 1, send.Step.Number);
                Assert.Same(step.Change, send.Step.Change);
                break;
            case TransactionFinished finished:
                Assert.Equal(expected, finished.Result.Outcome.ToString());
                Assert.Same(step, finished.Result.LastStep);
                Assert.Equal(rcode, finished.Result.LastResponseCode);
                Assert.DoesNotContain(SideResult.Pending, new[] { finished.Result.Forward, finished.Result.Reverse });
                break;
            default:
                Assert.Fail($"unknown progress {progress}");
                break;
        }
    }

    [Theory]
    [InlineData(TransactionStepKind.ForwardAdd, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.ForwardReplace, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.ReverseReplace, UpdateSide.Reverse)]
    [InlineData(TransactionStepKind.ForwardRemoveAddress, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.ForwardRemoveName, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.ReverseRemove, UpdateSide.Reverse)]
    [InlineData(TransactionStepKind.SimpleForwardReplace, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.SimpleReverseReplace, UpdateSide.Reverse)]
    [InlineData(TransactionStepKind.SimpleForwardRemove, UpdateSide.Forward)]
    [InlineData(TransactionStepKind.SimpleReverseRemove, UpdateSide.Reverse)]
    public void Each_step_goes_to_its_sides_zone_with_the_rfc_4703_plan_for_its_kind(TransactionStepKind kind, UpdateSide side)
    {
        var step = Reach(kind);

        var zone = side == UpdateSide.Forward ? Samples.ForwardZone : Samples.ReverseZone4;
        var owner = side == UpdateSide.Forward ? step.Change.Fqdn : DnsName.Parse("100.2.0.192.in-addr.arpa");
        Assert.Equal(side, step.Side);
        Assert.Equal(zone, step.Zone);
        Assert.Equal(owner, step.OwnerName);
        var expected = PlanFor(kind, zone, step);
        Planning.UpdatePlansTests.AssertPlan(step.Plan, expected.Zone, expected.Prerequisites, expected.Updates);
        Assert.Equal(SideResult.Pending, side == UpdateSide.Forward ? step.Sides.Forward : step.Sides.Reverse);
    }

    /// <summary>A step of <paramref name="kind"/>, reached through the flow the way a runner would.</summary>
    internal static TransactionStep Reach(TransactionStepKind kind) => kind switch
    {
        TransactionStepKind.ForwardAdd => First("add"),
        TransactionStepKind.ForwardReplace => Then(First("add"), ResponseCode.YxDomain),
        TransactionStepKind.ReverseReplace => Then(First("add"), ResponseCode.NoError),
        TransactionStepKind.ForwardRemoveAddress => First("remove"),
        TransactionStepKind.ForwardRemoveName => Then(First("remove"), ResponseCode.NoError),
        TransactionStepKind.ReverseRemove => Then(First("remove"), ResponseCode.NxRrset),
        TransactionStepKind.SimpleForwardReplace => First("simple add"),
        TransactionStepKind.SimpleReverseReplace => Then(First("simple add"), ResponseCode.NoError),
        TransactionStepKind.SimpleForwardRemove => First("simple remove"),
        TransactionStepKind.SimpleReverseRemove => Then(First("simple remove"), ResponseCode.NoError),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static TransactionStep First(string scenario)
    {
        var (change, forwardZone, reverseZone) = Scenario(scenario);
        return Assert.IsType<SendUpdate>(NameChangeTransaction.Start(change, forwardZone, reverseZone)).Step;
    }

    private static TransactionStep Then(TransactionStep step, ResponseCode rcode) =>
        Assert.IsType<SendUpdate>(NameChangeTransaction.Advance(step, rcode)).Step;

    private static UpdateMessagePlan PlanFor(TransactionStepKind kind, DnsName zone, TransactionStep step) => kind switch
    {
        TransactionStepKind.ForwardAdd => UpdatePlans.ForwardAdd(zone, step.Change),
        TransactionStepKind.ForwardReplace => UpdatePlans.ForwardReplace(zone, step.Change),
        TransactionStepKind.ReverseReplace => UpdatePlans.ReverseReplace(zone, step.Change),
        TransactionStepKind.ForwardRemoveAddress => UpdatePlans.ForwardRemoveAddress(zone, step.Change),
        TransactionStepKind.ForwardRemoveName => UpdatePlans.ForwardRemoveName(zone, step.Change),
        TransactionStepKind.ReverseRemove => UpdatePlans.ReverseRemove(zone, step.Change),
        TransactionStepKind.SimpleForwardReplace => UpdatePlans.SimpleForwardReplace(zone, step.Change),
        TransactionStepKind.SimpleReverseReplace => UpdatePlans.SimpleReverseReplace(zone, step.Change),
        TransactionStepKind.SimpleForwardRemove => UpdatePlans.SimpleForwardRemove(zone, step.Change),
        TransactionStepKind.SimpleReverseRemove => UpdatePlans.SimpleReverseRemove(zone, step.Change),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
