namespace Fos1.Ddns.Transactions;

/// <summary>What to do next in a name change: send one more UPDATE, or stop with a result.</summary>
public abstract record TransactionProgress;

/// <summary>Send <see cref="Step"/>'s plan to its zone's primary, then call <see cref="NameChangeTransaction.Advance"/>.</summary>
public sealed record SendUpdate(TransactionStep Step) : TransactionProgress;

/// <summary>The transaction is over.</summary>
public sealed record TransactionFinished(TransactionResult Result) : TransactionProgress;
