namespace Fos1.Ddns.Transactions;

/// <summary>How a name change ended, for logs and counters; details are in <see cref="TransactionResult"/>.</summary>
public enum TransactionOutcome
{
    /// <summary>Every side that could be done is done (see the side results for sides without a zone).</summary>
    Completed,

    /// <summary>The name belongs to another client; nothing was overwritten and the reverse side was not touched.</summary>
    Conflict,

    /// <summary>A step was refused with an unexpected RCODE; later steps were not sent.</summary>
    Failed,

    /// <summary>No side was requested or no side had a zone: no UPDATE was sent.</summary>
    NothingToDo,
}
