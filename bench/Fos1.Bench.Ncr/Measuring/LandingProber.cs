using Fos1.Bench.Common.Measuring;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Fos1.Bench.Ncr.Workload;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// Measures "NCR sent -> name answerable" for a sample of a run's names by asking BIND for their A record
/// until it is there. Queries come from a fixed budget per second: half go to the oldest pending names (changes
/// land roughly in send order, so those are the next to land), half round-robin over all pending ones (so an
/// overtaking change is seen too). Each name is asked at most every <see cref="MinInterval"/> (1 ms; the asking
/// thread wakes about every millisecond), which bounds the resolution of the measured latency from below as long as
/// the budget covers the names pending at once (at 1,000 changes/s and 200 samples over 5 s, about one).
/// </summary>
public sealed class LandingProber : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(1);

    private readonly Socket _socket;
    private readonly long[] _sentAt;
    private readonly int[] _changeIndex;
    private readonly byte[][] _queries;
    private readonly long[] _landedAt;
    private readonly long[] _lastAsked;
    private readonly int _queriesPerSecond;
    private readonly Thread _asker;
    private readonly Thread _listener;
    private volatile bool _stopping;
    private long _queriesSent;

    public LandingProber(IPEndPoint server, BenchRun run, int samples, long[] sentAt, int queriesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(run);
        _sentAt = sentAt;
        _queriesPerSecond = queriesPerSecond;
        // Spread evenly over the run: early, middle and late names all count.
        var count = Math.Min(samples, run.Changes);
        _changeIndex = [.. Enumerable.Range(0, count).Select(s => (int)((long)s * run.Changes / count))];
        _queries = [.. _changeIndex.Select((i, s) => QueryWire.Query((ushort)s, run.HostName(i), QueryWire.TypeA))];
        _landedAt = new long[count];
        _lastAsked = new long[count];
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 200 };
        _socket.Connect(server);
        _asker = new Thread(Ask) { IsBackground = true, Name = "landing prober (ask)" };
        _listener = new Thread(Listen) { IsBackground = true, Name = "landing prober (listen)" };
    }

    public int Samples => _changeIndex.Length;

    public int Pending => Enumerable.Range(0, Samples).Count(s => Volatile.Read(ref _landedAt[s]) == 0);

    public long QueriesSent => Interlocked.Read(ref _queriesSent);

    public void Start()
    {
        _listener.Start();
        _asker.Start();
    }

    public void Stop()
    {
        _stopping = true;
        _asker.Join();
        _listener.Join();
    }

    /// <summary>Latency of every sample that landed, in milliseconds, ascending.</summary>
    public IReadOnlyList<double> Latencies()
    {
        var latencies = new List<double>();
        for (var s = 0; s < Samples; s++)
        {
            var landed = Volatile.Read(ref _landedAt[s]);
            if (landed != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref _sentAt[_changeIndex[s]]), landed).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies;
    }

    public void Dispose() => _socket.Dispose();

    private void Ask()
    {
        var minInterval = (long)(MinInterval.TotalSeconds * Stopwatch.Frequency);
        var maxTokens = Math.Max(2.0, _queriesPerSecond / 100.0);
        var tokens = 0.0;
        var cursor = 0;
        var last = Stopwatch.GetTimestamp();
        while (!_stopping)
        {
            Thread.Sleep(1);
            var now = Stopwatch.GetTimestamp();
            tokens = Math.Min(maxTokens, tokens + (now - last) * (double)_queriesPerSecond / Stopwatch.Frequency);
            last = now;
            var oldestBudget = tokens / 2;
            for (var s = 0; s < Samples && oldestBudget >= 1; s++)
            {
                if (TryAsk(s, now, minInterval))
                {
                    oldestBudget--;
                    tokens--;
                }
            }

            for (var step = 0; step < Samples && tokens >= 1; step++)
            {
                cursor = (cursor + 1) % Samples;
                if (TryAsk(cursor, now, minInterval))
                {
                    tokens--;
                }
            }
        }
    }

    private bool TryAsk(int s, long now, long minInterval)
    {
        if (Volatile.Read(ref _landedAt[s]) != 0 || Volatile.Read(ref _sentAt[_changeIndex[s]]) == 0 || now - _lastAsked[s] < minInterval)
        {
            return false;
        }

        _lastAsked[s] = now;
        try
        {
            _socket.Send(_queries[s]);
            Interlocked.Increment(ref _queriesSent);
        }
        catch (SocketException)
        {
            // A full buffer or a refused port costs one probe; the next round asks again.
        }

        return true;
    }

    private void Listen()
    {
        var buffer = new byte[4096];
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                continue; // Timeout (so Stop is noticed) or ICMP port unreachable.
            }

            var now = Stopwatch.GetTimestamp();
            if (QueryWire.TryReadReply(buffer.AsSpan(0, length), out var id, out var rcode, out var answers)
                && rcode == 0 && answers > 0 && id < Samples)
            {
                Interlocked.CompareExchange(ref _landedAt[id], now, 0);
            }
        }
    }
}
