namespace Fos1.Ddns.Transactions;

/// <summary>The UPDATE messages of a name change, named as in RFC 4703 and Kea D2's transactions.</summary>
public enum TransactionStepKind
{
    ForwardAdd,
    ForwardReplace,
    ReverseReplace,
    ForwardRemoveAddress,
    ForwardRemoveName,
    ReverseRemove,
    SimpleForwardReplace,
    SimpleReverseReplace,
    SimpleForwardRemove,
    SimpleReverseRemove,
}
