using Fos1.Ddns.Leases;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Transactions;

/// <summary>How a name change ended: enough to log one line and count by outcome and side result.</summary>
/// <param name="Sides">Matched zones and the final result of each side (never <see cref="SideResult.Pending"/>).</param>
/// <param name="LastStep">The last UPDATE sent; null when none was (<see cref="TransactionOutcome.NothingToDo"/>).</param>
/// <param name="LastResponseCode">The answer to <paramref name="LastStep"/>.</param>
public sealed record TransactionResult(
    TransactionOutcome Outcome,
    NameChange Change,
    TransactionSides Sides,
    TransactionStep? LastStep,
    ResponseCode? LastResponseCode)
{
    public SideResult Forward => Sides.Forward;

    public SideResult Reverse => Sides.Reverse;

    /// <summary>How many UPDATE messages were answered in this transaction.</summary>
    public int UpdatesSent => LastStep?.Number ?? 0;

    public override string ToString()
    {
        var last = LastStep is null ? "no update sent" : $"last {LastStep} answered {LastResponseCode}";
        return $"{Change.Kind} {Change.Fqdn} {Change.Address}: {Outcome}, forward {Forward}, reverse {Reverse}; {last}";
    }
}
