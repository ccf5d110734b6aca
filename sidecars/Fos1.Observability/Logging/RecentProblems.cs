namespace Fos1.Observability.Logging;

/// <summary>
/// The last warnings and errors the sidecar logged, newest last, so /status can show an operator what went wrong
/// without a log search. Bounded: old entries fall off.
/// </summary>
public sealed class RecentProblems(TimeProvider time, int capacity = 20)
{
    private readonly Queue<RecentProblem> _entries = new();
    private readonly Lock _gate = new();

    public void Add(string message)
    {
        lock (_gate)
        {
            _entries.Enqueue(new RecentProblem(time.GetUtcNow(), message));
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<RecentProblem> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}

/// <summary>One logged warning or error (the /status "lastErrors" item).</summary>
public sealed record RecentProblem(DateTimeOffset At, string Message);
