using Fos1.Ddns.Leases;
using Fos1.Ddns.Transactions;
using Fos1.Ddns.Updates;

namespace Fos1.Ddns.Tests.Transactions;

/// <summary>Plays a name change against scripted server answers, the way the I/O runner will.</summary>
internal static class TransactionScript
{
    /// <summary>A named starting point: the change and the zones the matcher found.</summary>
    public static (NameChange Change, DnsName? ForwardZone, DnsName? ReverseZone) Scenario(string name) => name switch
    {
        "add" => (Samples.V4(), Samples.ForwardZone, Samples.ReverseZone4),
        "add v6" => (Samples.V6(), Samples.ForwardZone, Samples.ReverseZone6),
        "add forward only" => (Samples.V4(reverse: false), Samples.ForwardZone, Samples.ReverseZone4),
        "add reverse only" => (Samples.V4(forward: false), Samples.ForwardZone, Samples.ReverseZone4),
        "add no forward zone" => (Samples.V4(), null, Samples.ReverseZone4),
        "add no reverse zone" => (Samples.V4(), Samples.ForwardZone, null),
        "add no zones" => (Samples.V4(), null, null),
        "add nothing requested" => (Samples.V4(forward: false, reverse: false), Samples.ForwardZone, Samples.ReverseZone4),
        "remove" => (Samples.V4(NameChangeKind.Remove), Samples.ForwardZone, Samples.ReverseZone4),
        "remove v6" => (Samples.V6(NameChangeKind.Remove), Samples.ForwardZone, Samples.ReverseZone6),
        "remove forward only" => (Samples.V4(NameChangeKind.Remove, reverse: false), Samples.ForwardZone, Samples.ReverseZone4),
        "remove reverse only" => (Samples.V4(NameChangeKind.Remove, forward: false), Samples.ForwardZone, Samples.ReverseZone4),
        "remove no forward zone" => (Samples.V4(NameChangeKind.Remove), null, Samples.ReverseZone4),
        "simple add" => (Samples.V4(useConflictResolution: false), Samples.ForwardZone, Samples.ReverseZone4),
        "simple remove" => (Samples.V4(NameChangeKind.Remove, useConflictResolution: false), Samples.ForwardZone, Samples.ReverseZone4),
        "simple remove no reverse zone" => (Samples.V4(NameChangeKind.Remove, useConflictResolution: false), Samples.ForwardZone, null),
        _ => throw new ArgumentException($"no scenario '{name}'", nameof(name)),
    };

    /// <summary>
    /// Starts the scenario and answers each step with the next RCODE; fails the test if the machine asks
    /// for more steps than there are answers or stops before all answers are used.
    /// </summary>
    public static (IReadOnlyList<TransactionStep> Steps, TransactionResult Result) Play(string scenario, IEnumerable<ResponseCode> answers)
    {
        var (change, forwardZone, reverseZone) = Scenario(scenario);
        var steps = new List<TransactionStep>();
        var progress = NameChangeTransaction.Start(change, forwardZone, reverseZone);
        using var answer = answers.GetEnumerator();
        while (true)
        {
            switch (progress)
            {
                case SendUpdate send:
                    steps.Add(send.Step);
                    Assert.True(answer.MoveNext(), $"the machine asked to send {send.Step} but the script has no answer left");
                    progress = NameChangeTransaction.Advance(send.Step, answer.Current);
                    break;
                case TransactionFinished finished:
                    if (answer.MoveNext())
                    {
                        Assert.Fail($"the transaction finished ({finished.Result}) before the script's answer {answer.Current}");
                    }

                    return (steps, finished.Result);
                default:
                    throw new InvalidOperationException($"unknown progress {progress}");
            }
        }
    }

    public static IEnumerable<T> ParseList<T>(string spaceSeparated)
        where T : struct, Enum =>
        spaceSeparated.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>);
}
