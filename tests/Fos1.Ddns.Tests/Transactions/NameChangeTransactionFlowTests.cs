using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;
using static Fos1.Ddns.Tests.Transactions.TransactionScript;

namespace Fos1.Ddns.Tests.Transactions;

/// <summary>Every path through the flow: scenario, server answers in order, steps sent, final result.</summary>
public sealed class NameChangeTransactionFlowTests
{
    [Theory]
    // Add with conflict resolution.
    [InlineData("add", "NoError NoError", "ForwardAdd ReverseReplace", "Completed", "Added", "Replaced")]
    [InlineData("add", "YxDomain NoError NoError", "ForwardAdd ForwardReplace ReverseReplace", "Completed", "Replaced", "Replaced")]
    [InlineData("add v6", "YxDomain NoError NoError", "ForwardAdd ForwardReplace ReverseReplace", "Completed", "Replaced", "Replaced")]
    [InlineData("add", "YxDomain NxRrset", "ForwardAdd ForwardReplace", "Conflict", "Conflict", "NotAttempted")]
    [InlineData("add", "YxDomain YxRrset", "ForwardAdd ForwardReplace", "Conflict", "Conflict", "NotAttempted")]
    [InlineData("add forward only", "YxDomain NxRrset", "ForwardAdd ForwardReplace", "Conflict", "Conflict", "NotRequested")]
    [InlineData("add", "YxDomain NxDomain NoError NoError", "ForwardAdd ForwardReplace ForwardAdd ReverseReplace", "Completed", "Added", "Replaced")]
    [InlineData("add", "YxDomain NxDomain YxDomain NoError NoError", "ForwardAdd ForwardReplace ForwardAdd ForwardReplace ReverseReplace", "Completed", "Replaced", "Replaced")]
    [InlineData("add", "YxDomain NxDomain YxDomain NxDomain YxDomain NxDomain", "ForwardAdd ForwardReplace ForwardAdd ForwardReplace ForwardAdd ForwardReplace", "Failed", "Failed", "NotAttempted")]
    [InlineData("add", "Refused", "ForwardAdd", "Failed", "Failed", "NotAttempted")]
    [InlineData("add", "NxDomain", "ForwardAdd", "Failed", "Failed", "NotAttempted")]
    [InlineData("add", "YxDomain NotAuth", "ForwardAdd ForwardReplace", "Failed", "Failed", "NotAttempted")]
    [InlineData("add", "NoError Refused", "ForwardAdd ReverseReplace", "Failed", "Added", "Failed")]
    [InlineData("add", "NoError NxRrset", "ForwardAdd ReverseReplace", "Failed", "Added", "Failed")]
    [InlineData("add forward only", "NoError", "ForwardAdd", "Completed", "Added", "NotRequested")]
    [InlineData("add no reverse zone", "NoError", "ForwardAdd", "Completed", "Added", "NoZone")]
    [InlineData("add reverse only", "NoError", "ReverseReplace", "Completed", "NotRequested", "Replaced")]
    [InlineData("add no forward zone", "NoError", "ReverseReplace", "Completed", "NoZone", "Replaced")]
    [InlineData("add no forward zone", "Refused", "ReverseReplace", "Failed", "NoZone", "Failed")]
    [InlineData("add no zones", "", "", "NothingToDo", "NoZone", "NoZone")]
    [InlineData("add nothing requested", "", "", "NothingToDo", "NotRequested", "NotRequested")]
    // Remove with conflict resolution.
    [InlineData("remove", "NoError NoError NoError", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Completed", "Removed", "Removed")]
    [InlineData("remove v6", "NoError NoError NoError", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Completed", "Removed", "Removed")]
    [InlineData("remove", "NoError YxRrset NoError", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Completed", "AddressRemovedNameKept", "Removed")]
    [InlineData("remove", "NoError NxRrset NoError", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Completed", "AddressRemovedNameKept", "Removed")]
    [InlineData("remove", "NoError NxDomain NoError", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Completed", "NotOursOrAlreadyGone", "Removed")]
    [InlineData("remove", "NxRrset NoError", "ForwardRemoveAddress ReverseRemove", "Completed", "NotOursOrAlreadyGone", "Removed")]
    [InlineData("remove", "NxDomain NxRrset", "ForwardRemoveAddress ReverseRemove", "Completed", "NotOursOrAlreadyGone", "NotOursOrAlreadyGone")]
    [InlineData("remove", "YxRrset NxDomain", "ForwardRemoveAddress ReverseRemove", "Completed", "NotOursOrAlreadyGone", "NotOursOrAlreadyGone")]
    [InlineData("remove", "Refused", "ForwardRemoveAddress", "Failed", "Failed", "NotAttempted")]
    [InlineData("remove", "NoError NotAuth", "ForwardRemoveAddress ForwardRemoveName", "Failed", "Failed", "NotAttempted")]
    [InlineData("remove", "NoError NoError Refused", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Failed", "Removed", "Failed")]
    [InlineData("remove", "NoError NoError YxRrset", "ForwardRemoveAddress ForwardRemoveName ReverseRemove", "Failed", "Removed", "Failed")]
    [InlineData("remove no forward zone", "NoError", "ReverseRemove", "Completed", "NoZone", "Removed")]
    [InlineData("remove forward only", "NoError NoError", "ForwardRemoveAddress ForwardRemoveName", "Completed", "Removed", "NotRequested")]
    [InlineData("remove reverse only", "NxRrset", "ReverseRemove", "Completed", "NotRequested", "NotOursOrAlreadyGone")]
    // Kea's simple mode: no prerequisites, so anything but NOERROR is a failure.
    [InlineData("simple add", "NoError NoError", "SimpleForwardReplace SimpleReverseReplace", "Completed", "Replaced", "Replaced")]
    [InlineData("simple add", "Refused", "SimpleForwardReplace", "Failed", "Failed", "NotAttempted")]
    [InlineData("simple add", "YxDomain", "SimpleForwardReplace", "Failed", "Failed", "NotAttempted")]
    [InlineData("simple add", "NoError NotAuth", "SimpleForwardReplace SimpleReverseReplace", "Failed", "Replaced", "Failed")]
    [InlineData("simple remove", "NoError NoError", "SimpleForwardRemove SimpleReverseRemove", "Completed", "Removed", "Removed")]
    [InlineData("simple remove", "NoError NxRrset", "SimpleForwardRemove SimpleReverseRemove", "Failed", "Removed", "Failed")]
    [InlineData("simple remove no reverse zone", "NoError", "SimpleForwardRemove", "Completed", "Removed", "NoZone")]
    public void The_flow_sends_these_steps_and_ends_so(
        string scenario, string answers, string expectedSteps, string outcome, string forward, string reverse)
    {
        var rcodes = ParseList<ResponseCode>(answers).ToList();

        var (steps, result) = Play(scenario, rcodes);

        Assert.Equal(ParseList<TransactionStepKind>(expectedSteps), steps.Select(s => s.Kind));
        Assert.Equal(Enum.Parse<TransactionOutcome>(outcome), result.Outcome);
        Assert.Equal(Enum.Parse<SideResult>(forward), result.Forward);
        Assert.Equal(Enum.Parse<SideResult>(reverse), result.Reverse);
        Assert.Equal(rcodes.Count == 0 ? null : rcodes[^1], result.LastResponseCode);
        Assert.Equal(steps.Count == 0 ? null : steps[^1], result.LastStep);
        Assert.Equal(steps.Count, result.UpdatesSent);
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Number));
    }
}
