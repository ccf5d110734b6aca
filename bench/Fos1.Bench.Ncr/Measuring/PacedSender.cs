using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fos1.Bench.Ncr.Measuring;

/// <summary>
/// Sends datagram i at start + i/rate on a dedicated thread: it sends everything that is due, then sleeps
/// ~1 ms, so the average rate is exact and a burst is at most about a millisecond's worth (what a busy
/// Kea's sender does too). Never spins: at thousands of NCRs per second the gap between two sends is
/// shorter than any sleep, and spinning through it took a whole core from BIND and the target (measured:
/// the bench at ~1 core while sending 12,000/s, ~0.1 after).
/// </summary>
public static class PacedSender
{

    /// <param name="sentAt">Receives the <see cref="Stopwatch"/> timestamp of each send (read by the prober).</param>
    public static Task<SendReport> SendAsync(IPEndPoint target, IReadOnlyList<byte[]> datagrams, int rate, long[] sentAt)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        ArgumentNullException.ThrowIfNull(sentAt);
        var completion = new TaskCompletionSource<SendReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(Send(target, datagrams, rate, sentAt));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                completion.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "ncr pacer",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return completion.Task;
    }

    private static SendReport Send(IPEndPoint target, IReadOnlyList<byte[]> datagrams, int rate, long[] sentAt)
    {
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.SendBufferSize = 4 * 1024 * 1024;
        socket.Connect(target);
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < datagrams.Count; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            // Kea's sender does the same: fire and forget; a full socket buffer is a loss, counted, not retried.
            try
            {
                socket.Send(datagrams[i]);
            }
            catch (SocketException)
            {
                failures++;
            }

            Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
        }

        return new SendReport(start, Stopwatch.GetTimestamp(), datagrams.Count, failures);
    }
}

/// <summary>When the first and the last NCR left, and how many sends the kernel refused.</summary>
public sealed record SendReport(long StartTimestamp, long EndTimestamp, int Sent, int SendFailures)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(StartTimestamp, EndTimestamp);

    // N sends span N-1 intervals.
    public double AchievedRate => Math.Max(Sent - 1, 0) / Math.Max(Duration.TotalSeconds, 1e-9);
}
