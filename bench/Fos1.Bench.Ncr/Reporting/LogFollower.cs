using System.Collections.Concurrent;

namespace Fos1.Bench.Ncr.Reporting;

/// <summary>
/// Watches a daemon's recent output (a ring of its last lines, see the Testbed's DaemonProcess) every 50 ms
/// during the runs and counts the interesting lines by kind (<see cref="LogDigest"/>). Reading often matters:
/// named logs several lines per applied UPDATE, so at full load the ring turns over within a second.
/// </summary>
public sealed class LogFollower : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Func<string> _recentOutput;
    private readonly LogDigest _digest = new();
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _overruns;

    public LogFollower(Func<string> recentOutput)
    {
        _recentOutput = recentOutput;
        _digest.NewLines(recentOutput()); // Start-up lines are not the first run's business.
        _loop = Task.Run(FollowAsync);
    }

    /// <summary>The interesting lines seen since the previous call, summed up, and whether some may have been missed.</summary>
    public (IReadOnlyList<string> Summary, IReadOnlyList<string> Examples, bool Overran) Take()
    {
        Read();
        var lines = new List<string>();
        while (_lines.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return (LogDigest.Summarize(lines), [.. lines.Take(2), .. lines.Skip(2).TakeLast(1)], Interlocked.Exchange(ref _overruns, 0) > 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task FollowAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Read();
            try
            {
                await Task.Delay(Interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Read()
    {
        lock (_digest)
        {
            var (lines, overran) = _digest.NewLinesChecked(_recentOutput());
            if (overran)
            {
                Interlocked.Increment(ref _overruns);
            }

            foreach (var line in lines.Where(LogDigest.IsInteresting))
            {
                _lines.Enqueue(line);
            }
        }
    }
}
