using System.Collections.Concurrent;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;

namespace Fos1.Dns.Tests.Sending.Batching;

/// <summary>Passes every message to a real sender and records it; can hold one message back until released.</summary>
internal sealed class CountingSender(IDnsUpdateSender inner) : IDnsUpdateSender
{
    private Func<UpdateMessagePlan, bool> _held = _ => false;
    private Task _release = Task.CompletedTask;

    public ConcurrentQueue<UpdateMessagePlan> Messages { get; } = new();

    public TaskCompletionSource Hold(Func<UpdateMessagePlan, bool> which)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = which;
        _release = gate.Task;
        return gate;
    }

    public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(plan);
        if (_held(plan))
        {
            await _release.WaitAsync(cancellationToken);
        }

        return await inner.SendAsync(plan, target, timeout, cancellationToken);
    }
}
