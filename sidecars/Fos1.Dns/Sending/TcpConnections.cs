// Why connections are kept: merged UPDATEs are larger than 512 octets, so under load every message
// went over a fresh TCP connection (connect, accept, close on both sides: ~10% of the sidecar's CPU
// and part of named's at ~1,000 messages/s, bench/RESULTS.md). RFC 7766 6.2.1 asks clients to reuse
// connections. A kept connection may have been closed by the server meanwhile (BIND closes idle ones
// after tcp-idle-timeout, 30 s; a server may close after each answer): when a reused connection ends
// or resets before the first octet of the answer, the message is sent again on a fresh one. That is
// safe because a server answers a request it processed before it closes, so "closed before any answer"
// means "not processed" - and RFC 4703's prerequisites make even a repeated UPDATE harmless.
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fos1.Dns.Sending;

/// <summary>Request/response exchanges over TCP (RFC 1035 4.2.2 framing), reusing idle connections per server.</summary>
internal sealed class TcpConnections : IDisposable
{
    /// <summary>Idle connections kept per server; more concurrent exchanges open more, and close them after.</summary>
    public const int MaxIdlePerServer = 8;

    /// <summary>Kept connections idle longer than this are closed instead of reused (well below BIND's 30 s).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<IPEndPoint, ConcurrentStack<Kept>> _idle = new();
    private readonly TimeProvider _time;
    private bool _disposed;

    public TcpConnections(TimeProvider time) => _time = time;

    public async Task<byte[]> ExchangeAsync(IPEndPoint server, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var framed = Frame(message);
        var idle = _idle.GetOrAdd(server, static _ => new ConcurrentStack<Kept>());
        while (idle.TryPop(out var kept))
        {
            if (_time.GetElapsedTime(kept.IdleSince) > IdleLimit)
            {
                kept.Socket.Dispose();
                continue;
            }

            var answer = await TryExchangeAsync(kept.Socket, framed, reused: true, cancellationToken).ConfigureAwait(false);
            if (answer is not null)
            {
                Keep(idle, kept.Socket);
                return answer;
            }
        }

        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            var answer = await TryExchangeAsync(socket, framed, reused: false, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"{server} closed the connection without answering.");
            Keep(idle, socket);
            return answer;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var idle in _idle.Values)
        {
            while (idle.TryPop(out var kept))
            {
                kept.Socket.Dispose();
            }
        }
    }

    /// <returns>The answer; null when a reused connection turned out closed before any octet of it (send again).</returns>
    private static async Task<byte[]?> TryExchangeAsync(Socket socket, byte[] framed, bool reused, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(framed, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            var prefix = new byte[2];
            var first = await socket.ReceiveAsync(prefix, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (first == 0)
            {
                socket.Dispose();
                return reused ? null : throw new IOException("The server closed the connection without answering.");
            }

            await ReceiveExactlyAsync(socket, prefix.AsMemory(first), cancellationToken).ConfigureAwait(false);
            var answer = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await ReceiveExactlyAsync(socket, answer, cancellationToken).ConfigureAwait(false);
            return answer;
        }
        catch (SocketException e) when (reused && e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown)
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            // Cancelled or broken mid-answer: the stream's framing is lost, never reuse it.
            socket.Dispose();
            throw;
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The server closed the connection in the middle of its answer.");
            }

            buffer = buffer[read..];
        }
    }

    private void Keep(ConcurrentStack<Kept> idle, Socket socket)
    {
        // A server that closes after each answer shows it now or on the next use (then sent again on a fresh connection).
        if (_disposed || idle.Count >= MaxIdlePerServer || (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0))
        {
            socket.Dispose();
            return;
        }

        idle.Push(new Kept(socket, _time.GetTimestamp()));
    }

    private static byte[] Frame(ReadOnlyMemory<byte> message)
    {
        var framed = new byte[2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsMemory(2));
        return framed;
    }

    private sealed record Kept(Socket Socket, long IdleSince);
}
