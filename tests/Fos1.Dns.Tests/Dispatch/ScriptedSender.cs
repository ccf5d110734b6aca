using System.Collections.Concurrent;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;

namespace Fos1.Dns.Tests.Dispatch;

/// <summary>A sender whose answers a test scripts per owner name; it records every send.</summary>
internal sealed class ScriptedSender(Func<UpdateMessagePlan, DnsUpdateTarget, int, UpdateOutcome> answer) : IDnsUpdateSender
{
    private readonly ConcurrentDictionary<string, int> _sendsByName = new();
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<(UpdateMessagePlan Plan, DnsUpdateTarget Target)> Sent { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            Sent.Enqueue((plan, target));
            await Task.Yield();
            var name = plan.Updates.Count > 0 ? plan.Updates[0].Name.Text : plan.Zone.Text;
            var attempt = _sendsByName.AddOrUpdate(name, 1, (_, n) => n + 1);
            return answer(plan, target, attempt);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
