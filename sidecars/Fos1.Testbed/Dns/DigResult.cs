namespace Fos1.Testbed.Dns;

/// <summary>
/// What dig saw: <see cref="Answered"/> is false when no reply came (dig exit code 9), then <see cref="Status"/> is empty.
/// <see cref="Status"/> is the RCODE mnemonic (NOERROR, NXDOMAIN, REFUSED, ...).
/// </summary>
public sealed record DigResult(bool Answered, string Status, IReadOnlyList<DigRecord> Answers, string Output)
{
    /// <summary>The data of the answers, like <c>dig +short</c>.</summary>
    public IReadOnlyList<string> Data => Answers.Select(answer => answer.Data).ToList();
}
