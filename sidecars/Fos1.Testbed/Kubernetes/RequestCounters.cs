using System.Collections.Concurrent;

namespace Fos1.Testbed.Kubernetes;

/// <summary>What clients asked for, so tests can assert re-list and reconnect behaviour.</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentQueue<string> log = new();
    private int lists;
    private int watches;

    public int Lists => Volatile.Read(ref lists);

    public int Watches => Volatile.Read(ref watches);

    public IReadOnlyList<string> Log => [.. log];

    public void Request(string line) => log.Enqueue(line);

    public void List() => Interlocked.Increment(ref lists);

    public void Watch() => Interlocked.Increment(ref watches);
}
