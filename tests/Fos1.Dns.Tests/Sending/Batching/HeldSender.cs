using System.Collections.Concurrent;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;

namespace Fos1.Dns.Tests.Sending.Batching;

/// <summary>
/// A fake inner sender: records every message, answers it with a scripted outcome, and holds the
/// messages a test wants in flight until it releases them.
/// </summary>
internal sealed class HeldSender(Func<UpdateMessagePlan, UpdateOutcome> answer) : IDnsUpdateSender
{
    private readonly ConcurrentQueue<(Func<UpdateMessagePlan, bool> Which, TaskCompletionSource Gate)> _holds = new();

    public HeldSender()
        : this(_ => new UpdateAnswered(ResponseCode.NoError))
    {
    }

    public ConcurrentQueue<Sent> Messages { get; } = new();

    public IReadOnlyList<UpdateMessagePlan> Plans => Messages.Select(message => message.Plan).ToList();

    /// <summary>Messages that <paramref name="which"/> picks stay in flight until the returned gate is set.</summary>
    public TaskCompletionSource Hold(Func<UpdateMessagePlan, bool> which)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds.Enqueue((which, gate));
        return gate;
    }

    /// <summary>The message that is exactly <paramref name="plan"/> (sent alone) stays in flight until the gate is set.</summary>
    public TaskCompletionSource Hold(UpdateMessagePlan plan) => Hold(message => ReferenceEquals(message, plan));

    public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(new Sent(plan, target, timeout, cancellationToken));
        foreach (var (which, gate) in _holds)
        {
            if (which(plan))
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
        }

        return answer(plan);
    }

    internal sealed record Sent(UpdateMessagePlan Plan, DnsUpdateTarget Target, TimeSpan Timeout, CancellationToken CancellationToken);
}
