using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Transactions;

/// <summary>
/// Drives one <see cref="NameChange"/> through Kea D2's RFC 4703 flow without doing any I/O: it says
/// which UPDATE to send next and, from the RCODE that came back, what follows.
/// <list type="bullet">
/// <item>Add: forward add; YXDOMAIN -> forward replace (only if the DHCID is ours); NXDOMAIN on the
/// replace -> add again (at most <see cref="MaxForwardAddAttempts"/> adds); NXRRSET/YXRRSET on the
/// replace -> <see cref="TransactionOutcome.Conflict"/>, and the reverse side is left alone. Then
/// reverse replace.</item>
/// <item>Remove: forward address remove; NOERROR -> forward name remove (YXRRSET/NXRRSET there: other
/// addresses remain, fine); NXRRSET/NXDOMAIN/YXRRSET on the address remove -> not ours or already
/// gone, and the reverse remove still runs (its PTR = FQDN prerequisite keeps it from touching another
/// client's entry). Reverse remove NXRRSET/NXDOMAIN -> already gone.</item>
/// <item>Without conflict resolution (Kea's simple mode): replace or delete unconditionally.</item>
/// </list>
/// A side with no zone is skipped and reported as <see cref="SideResult.NoZone"/>; the other side
/// still runs. Any other RCODE fails the transaction at that step.
/// <para>
/// Timeouts, lost packets and SERVFAIL are not answers to this machine: the I/O runner resends the
/// same step (same plan, to the same or another server of the zone) with its own retry policy, and
/// calls <see cref="Advance"/> only with a real answer or gives up on its own. Passing SERVFAIL here
/// means "give up": it fails the transaction.
/// </para>
/// </summary>
public static class NameChangeTransaction
{
    /// <summary>How often the add/replace race (the name vanishes between the two) is retried.</summary>
    public const int MaxForwardAddAttempts = 3;

    /// <param name="forwardZone">The zone holding <see cref="NameChange.Fqdn"/>, or null if none is configured.</param>
    /// <param name="reverseZone">The zone holding the address's reverse name, or null if none is configured.</param>
    public static TransactionProgress Start(NameChange change, DnsName? forwardZone, DnsName? reverseZone)
    {
        ArgumentNullException.ThrowIfNull(change);
        var sides = new TransactionSides(
            change.Forward ? forwardZone : null,
            change.Reverse ? reverseZone : null,
            InitialSide(change.Forward, forwardZone),
            InitialSide(change.Reverse, reverseZone));

        if (sides.Forward == SideResult.Pending)
        {
            return Send(change, FirstForwardStep(change), sides.ForwardZone!, sides, number: 1, forwardAddAttempt: IsAdd(change) ? 1 : 0);
        }

        if (sides.Reverse == SideResult.Pending)
        {
            return Send(change, ReverseStep(change), sides.ReverseZone!, sides, number: 1, forwardAddAttempt: 0);
        }

        return new TransactionFinished(new TransactionResult(TransactionOutcome.NothingToDo, change, sides, null, null));
    }

    /// <summary>The next step after <paramref name="step"/> was answered with <paramref name="rcode"/>.</summary>
    public static TransactionProgress Advance(TransactionStep step, ResponseCode rcode)
    {
        ArgumentNullException.ThrowIfNull(step);
        return (step.Kind, rcode) switch
        {
            (TransactionStepKind.ForwardAdd, ResponseCode.NoError) => ForwardDone(step, rcode, SideResult.Added),
            (TransactionStepKind.ForwardAdd, ResponseCode.YxDomain) =>
                Next(step, TransactionStepKind.ForwardReplace, step.Zone, step.Sides, step.ForwardAddAttempt),

            (TransactionStepKind.ForwardReplace, ResponseCode.NoError) => ForwardDone(step, rcode, SideResult.Replaced),
            (TransactionStepKind.ForwardReplace, ResponseCode.NxDomain) when step.ForwardAddAttempt < MaxForwardAddAttempts =>
                Next(step, TransactionStepKind.ForwardAdd, step.Zone, step.Sides, step.ForwardAddAttempt + 1),
            (TransactionStepKind.ForwardReplace, ResponseCode.NxRrset or ResponseCode.YxRrset) =>
                Finish(step, rcode, TransactionOutcome.Conflict, SideResult.Conflict),

            (TransactionStepKind.ForwardRemoveAddress, ResponseCode.NoError) =>
                Next(step, TransactionStepKind.ForwardRemoveName, step.Zone, step.Sides, 0),
            (TransactionStepKind.ForwardRemoveAddress, ResponseCode.NxRrset or ResponseCode.NxDomain or ResponseCode.YxRrset) =>
                ForwardDone(step, rcode, SideResult.NotOursOrAlreadyGone),

            (TransactionStepKind.ForwardRemoveName, ResponseCode.NoError) => ForwardDone(step, rcode, SideResult.Removed),
            (TransactionStepKind.ForwardRemoveName, ResponseCode.NxRrset or ResponseCode.YxRrset) =>
                ForwardDone(step, rcode, SideResult.AddressRemovedNameKept),
            (TransactionStepKind.ForwardRemoveName, ResponseCode.NxDomain) =>
                ForwardDone(step, rcode, SideResult.NotOursOrAlreadyGone),

            (TransactionStepKind.SimpleForwardReplace, ResponseCode.NoError) => ForwardDone(step, rcode, SideResult.Replaced),
            (TransactionStepKind.SimpleForwardRemove, ResponseCode.NoError) => ForwardDone(step, rcode, SideResult.Removed),

            (TransactionStepKind.ReverseReplace or TransactionStepKind.SimpleReverseReplace, ResponseCode.NoError) =>
                Finish(step, rcode, TransactionOutcome.Completed, SideResult.Replaced),
            (TransactionStepKind.ReverseRemove or TransactionStepKind.SimpleReverseRemove, ResponseCode.NoError) =>
                Finish(step, rcode, TransactionOutcome.Completed, SideResult.Removed),
            (TransactionStepKind.ReverseRemove, ResponseCode.NxRrset or ResponseCode.NxDomain) =>
                Finish(step, rcode, TransactionOutcome.Completed, SideResult.NotOursOrAlreadyGone),

            _ => Finish(step, rcode, TransactionOutcome.Failed, SideResult.Failed),
        };
    }

    private static SideResult InitialSide(bool requested, DnsName? zone) =>
        !requested ? SideResult.NotRequested : zone is null ? SideResult.NoZone : SideResult.Pending;

    private static bool IsAdd(NameChange change) => change.Kind switch
    {
        NameChangeKind.Add => true,
        NameChangeKind.Remove => false,
        _ => throw new ArgumentException($"unknown name change kind {change.Kind}", nameof(change)),
    };

    private static TransactionStepKind FirstForwardStep(NameChange change) => (IsAdd(change), change.UseConflictResolution) switch
    {
        (true, true) => TransactionStepKind.ForwardAdd,
        (true, false) => TransactionStepKind.SimpleForwardReplace,
        (false, true) => TransactionStepKind.ForwardRemoveAddress,
        (false, false) => TransactionStepKind.SimpleForwardRemove,
    };

    private static TransactionStepKind ReverseStep(NameChange change) => (IsAdd(change), change.UseConflictResolution) switch
    {
        (true, true) => TransactionStepKind.ReverseReplace,
        (true, false) => TransactionStepKind.SimpleReverseReplace,
        (false, true) => TransactionStepKind.ReverseRemove,
        (false, false) => TransactionStepKind.SimpleReverseRemove,
    };

    /// <summary>The forward side ended well: go on with the reverse side if it has a zone, else finish.</summary>
    private static TransactionProgress ForwardDone(TransactionStep step, ResponseCode rcode, SideResult forward)
    {
        var sides = step.Sides with { Forward = forward };
        return sides.Reverse == SideResult.Pending
            ? Next(step, ReverseStep(step.Change), sides.ReverseZone!, sides, step.ForwardAddAttempt)
            : new TransactionFinished(new TransactionResult(TransactionOutcome.Completed, step.Change, sides, step, rcode));
    }

    /// <summary>Ends the transaction with this step's side set to <paramref name="side"/>; a side still pending was not attempted.</summary>
    private static TransactionFinished Finish(TransactionStep step, ResponseCode rcode, TransactionOutcome outcome, SideResult side)
    {
        var sides = step.Side == UpdateSide.Forward ? step.Sides with { Forward = side } : step.Sides with { Reverse = side };
        if (sides.Reverse == SideResult.Pending)
        {
            sides = sides with { Reverse = SideResult.NotAttempted };
        }

        return new TransactionFinished(new TransactionResult(outcome, step.Change, sides, step, rcode));
    }

    private static SendUpdate Next(TransactionStep step, TransactionStepKind kind, DnsName zone, TransactionSides sides, int forwardAddAttempt) =>
        Send(step.Change, kind, zone, sides, step.Number + 1, forwardAddAttempt);

    private static SendUpdate Send(NameChange change, TransactionStepKind kind, DnsName zone, TransactionSides sides, int number, int forwardAddAttempt) =>
        new(new TransactionStep(change, kind, zone, PlanFor(kind, zone, change), sides, number, forwardAddAttempt));

    private static UpdateMessagePlan PlanFor(TransactionStepKind kind, DnsName zone, NameChange change) => kind switch
    {
        TransactionStepKind.ForwardAdd => UpdatePlans.ForwardAdd(zone, change),
        TransactionStepKind.ForwardReplace => UpdatePlans.ForwardReplace(zone, change),
        TransactionStepKind.ReverseReplace => UpdatePlans.ReverseReplace(zone, change),
        TransactionStepKind.ForwardRemoveAddress => UpdatePlans.ForwardRemoveAddress(zone, change),
        TransactionStepKind.ForwardRemoveName => UpdatePlans.ForwardRemoveName(zone, change),
        TransactionStepKind.ReverseRemove => UpdatePlans.ReverseRemove(zone, change),
        TransactionStepKind.SimpleForwardReplace => UpdatePlans.SimpleForwardReplace(zone, change),
        TransactionStepKind.SimpleReverseReplace => UpdatePlans.SimpleReverseReplace(zone, change),
        TransactionStepKind.SimpleForwardRemove => UpdatePlans.SimpleForwardRemove(zone, change),
        TransactionStepKind.SimpleReverseRemove => UpdatePlans.SimpleReverseRemove(zone, change),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown step kind"),
    };
}
