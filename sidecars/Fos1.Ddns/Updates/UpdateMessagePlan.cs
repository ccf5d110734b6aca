namespace Fos1.Ddns.Updates;

/// <summary>
/// One DNS UPDATE message to send to the primary of <paramref name="Zone"/>: every prerequisite must
/// hold or nothing in <paramref name="Updates"/> is applied (RFC 2136 section 3.2, 3.4).
/// </summary>
public sealed record UpdateMessagePlan(
    DnsName Zone,
    IReadOnlyList<Prerequisite> Prerequisites,
    IReadOnlyList<UpdateOperation> Updates)
{
    public override string ToString() =>
        $"zone {Zone} prereq [{string.Join(", ", Prerequisites)}] update [{string.Join(", ", Updates)}]";
}
