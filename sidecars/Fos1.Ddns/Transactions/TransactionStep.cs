using Fos1.Ddns.Leases;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Transactions;

/// <summary>
/// One UPDATE to send for a name change, plus what the transaction has learned so far, so that
/// <see cref="NameChangeTransaction.Advance"/> needs nothing but this step and the server's answer.
/// Only <see cref="NameChangeTransaction"/> creates steps.
/// </summary>
public sealed record TransactionStep
{
    internal TransactionStep(
        NameChange change,
        TransactionStepKind kind,
        DnsName zone,
        UpdateMessagePlan plan,
        TransactionSides sides,
        int number,
        int forwardAddAttempt)
    {
        Change = change;
        Kind = kind;
        Zone = zone;
        Plan = plan;
        Sides = sides;
        Number = number;
        ForwardAddAttempt = forwardAddAttempt;
    }

    public NameChange Change { get; }

    public TransactionStepKind Kind { get; }

    /// <summary>The zone the UPDATE goes to (its primary answers it).</summary>
    public DnsName Zone { get; }

    public UpdateMessagePlan Plan { get; }

    /// <summary>Zones and per-side results so far; this step's side is <see cref="SideResult.Pending"/>.</summary>
    public TransactionSides Sides { get; }

    /// <summary>1 for the first UPDATE of the transaction, 2 for the next...</summary>
    public int Number { get; }

    /// <summary>How many forward adds have been tried, this one included (0 on remove steps).</summary>
    public int ForwardAddAttempt { get; }

    public UpdateSide Side => Kind switch
    {
        TransactionStepKind.ForwardAdd or TransactionStepKind.ForwardReplace or TransactionStepKind.ForwardRemoveAddress
            or TransactionStepKind.ForwardRemoveName or TransactionStepKind.SimpleForwardReplace
            or TransactionStepKind.SimpleForwardRemove => UpdateSide.Forward,
        TransactionStepKind.ReverseReplace or TransactionStepKind.ReverseRemove or TransactionStepKind.SimpleReverseReplace
            or TransactionStepKind.SimpleReverseRemove => UpdateSide.Reverse,
        _ => throw new InvalidOperationException($"unknown step kind {Kind}"),
    };

    /// <summary>The name this step changes: the FQDN (forward) or the address's reverse name.</summary>
    public DnsName OwnerName => Side == UpdateSide.Forward ? Change.Fqdn : ReverseName.For(Change.Address);

    public override string ToString() => $"{Kind} #{Number} of {OwnerName} in zone {Zone}";
}
