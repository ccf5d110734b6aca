using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Sending;

/// <summary>
/// One UDP socket shared by every UPDATE in flight for one address family, with a receive loop
/// that hands each datagram to the transaction with the same (server, id). Transaction ids are
/// random and unique per server among those in flight, so up to 65,536 UPDATEs per server can wait
/// at once on a single socket, one receive loop, and no lock.
/// </summary>
internal sealed class UdpTransactions : IDisposable
{
    private const int MaxIdAttempts = 64;
    private const int ReceiveBufferOctets = 4 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(IPEndPoint Server, ushort Id), PendingUpdate> _pending = new();
    private readonly CancellationTokenSource _stopping = new();

    public UdpTransactions(AddressFamily family, ILogger logger)
    {
        _logger = logger;
        _socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.ReceiveBufferSize = ReceiveBufferOctets;
            _socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _ = Task.Run(ReceiveAsync);
    }

    /// <summary>Claims a fresh transaction id towards <paramref name="server"/>; dispose to release it.</summary>
    public PendingUpdate Begin(IPEndPoint server)
    {
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var pending = new PendingUpdate(this, server, (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1));
            if (_pending.TryAdd((server, pending.Id), pending))
            {
                return pending;
            }
        }

        throw new InvalidOperationException($"no free transaction id towards {server}: too many UPDATEs in flight");
    }

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint server, CancellationToken cancellationToken) =>
        _socket.SendToAsync(message, SocketFlags.None, server, cancellationToken);

    public void Dispose()
    {
        _stopping.Cancel();
        _socket.Dispose();
        _stopping.Dispose();
    }

    private void End(PendingUpdate pending) =>
        _pending.TryRemove(new KeyValuePair<(IPEndPoint, ushort), PendingUpdate>((pending.Server, pending.Id), pending));

    private async Task ReceiveAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ushort.MaxValue);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                // E.g. an ICMP error surfaced on the shared socket: it concerns one peer, not the loop.
                _logger.ReceiveFailed(exception);
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            if (received.ReceivedBytes >= 2
                && _pending.TryRemove((source, (ushort)((buffer[0] << 8) | buffer[1])), out var pending))
            {
                pending.Complete(buffer.AsSpan(0, received.ReceivedBytes).ToArray());
            }
            else
            {
                _logger.UnmatchedDatagram(received.ReceivedBytes, source);
            }
        }
    }

    internal sealed class PendingUpdate(UdpTransactions owner, IPEndPoint server, ushort id) : IDisposable
    {
        private readonly TaskCompletionSource<byte[]> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IPEndPoint Server { get; } = server;

        public ushort Id { get; } = id;

        public Task<byte[]> Response => _response.Task;

        public void Complete(byte[] response) => _response.TrySetResult(response);

        public void Dispose() => owner.End(this);
    }
}
