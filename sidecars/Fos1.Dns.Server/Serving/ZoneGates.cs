using System.Collections.Concurrent;

namespace Fos1.Dns.Server.Serving;

/// <summary>
/// One writer per zone: updates to a zone are applied one after another, different zones in parallel.
/// The gate covers building and handing over a commit, not its fsync: the next update builds on the
/// accepted version at once, so a burst of one zone shares the store's group commit.
/// </summary>
internal sealed class ZoneGates
{
    private readonly ConcurrentDictionary<DnsName, Gate> _gates = new();

    public async Task<IDisposable> EnterAsync(DnsName zone, CancellationToken cancellationToken) =>
        await EnterGateAsync(zone, cancellationToken).ConfigureAwait(false);

    public async Task<Gate> EnterGateAsync(DnsName zone, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(zone, _ => new Gate());
        await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        gate.Entered();
        return gate;
    }

    /// <summary>A held gate; dispose to release it. Only its holder touches <see cref="LastCommit"/>.</summary>
    internal sealed class Gate : IDisposable
    {
        private int _held;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>
        /// The newest commit handed over through this gate. An answer computed on the accepted version
        /// (a refused prerequisite, a no-op) waits for it, so no answer rests on a version that may not survive.
        /// </summary>
        public Task LastCommit { get; set; } = Task.CompletedTask;

        public void Entered() => Volatile.Write(ref _held, 1);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                Semaphore.Release();
            }
        }
    }
}
