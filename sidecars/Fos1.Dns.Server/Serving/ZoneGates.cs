using System.Collections.Concurrent;

namespace Fos1.Dns.Server.Serving;

/// <summary>One writer per zone: updates to a zone run one after another, different zones in parallel.</summary>
internal sealed class ZoneGates
{
    private readonly ConcurrentDictionary<DnsName, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(DnsName zone, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(zone, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
