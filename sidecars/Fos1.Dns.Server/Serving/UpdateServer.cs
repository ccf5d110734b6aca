using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Fos1.Dns.Server.Transfer;
using Fos1.Dns.Server.Zones;
using Microsoft.Extensions.Logging;

namespace Fos1.Dns.Server.Serving;

/// <summary>
/// UDP and TCP listeners in front of an <see cref="UpdateHandler"/>. Every datagram and connection is
/// handled on its own task, so a slow commit in one zone holds up only that zone's updates.
/// </summary>
public sealed class UpdateServer : IAsyncDisposable
{
    private const int MaxUdpResponse = 512;
    private readonly UpdateServerOptions _options;
    private readonly ILogger<UpdateServer> _logger;
    private readonly TimeProvider _time;
    private readonly UpdateServerMetrics _metrics;
    private readonly bool _ownsMetrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private TcpListener? _tcp;
    private int _tcpConnections;

    /// <param name="serving">The runtime-changeable part (policy, transfers, NOTIFY targets); from <paramref name="options"/> when null.</param>
    public UpdateServer(UpdateServerOptions options, IZoneStore store, ILogger<UpdateServer> logger, TimeProvider? time = null, UpdateServerMetrics? metrics = null,
        LiveServingConfiguration? serving = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _ownsMetrics = metrics is null;
        _metrics = metrics ?? new UpdateServerMetrics();
        Serving = serving ?? new LiveServingConfiguration(ServingConfiguration.From(options));
        Handler = new UpdateHandler(options, store, logger, _metrics, _time, Serving);
        Transfers = new ZoneTransferService(options, store, logger, _time, Serving);
    }

    /// <summary>Swap <see cref="LiveServingConfiguration.Current"/> to change who may update or transfer, at once.</summary>
    public LiveServingConfiguration Serving { get; }

    public UpdateHandler Handler { get; }

    /// <summary>Answers AXFR/IXFR queries arriving over TCP (RFC 5936).</summary>
    public ZoneTransferService Transfers { get; }

    /// <summary>The bound UDP endpoint (after <see cref="Start"/>; the port is the real one when 0 was asked for).</summary>
    public IPEndPoint UdpEndPoint => (IPEndPoint)(_udp?.LocalEndPoint ?? throw new InvalidOperationException("the server is not started"));

    public IPEndPoint TcpEndPoint => (IPEndPoint)(_tcp?.LocalEndpoint ?? throw new InvalidOperationException("the server is not started"));

    /// <summary>Binds both sockets (throws if either is taken) and starts serving.</summary>
    public void Start()
    {
        try
        {
            _udp = new Socket(_options.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(_options.EndPoint);
            var tcpEndPoint = _options.EndPoint.Port == 0 ? new IPEndPoint(_options.EndPoint.Address, UdpEndPoint.Port) : _options.EndPoint;
            _tcp = new TcpListener(tcpEndPoint);
            _tcp.Start();
        }
        catch (SocketException e)
        {
            _udp?.Dispose();
            _udp = null;
            throw new IOException($"cannot bind the UPDATE server to udp+tcp/{_options.EndPoint}: {e.Message}", e);
        }

        UpdateServerLog.Listening(_logger, UdpEndPoint, TcpEndPoint);
        _loops.Add(Task.Run(() => ReceiveUdpAsync(_udp, _stopping.Token)));
        _loops.Add(Task.Run(() => AcceptTcpAsync(_tcp, _stopping.Token)));
    }

    private async Task ReceiveUdpAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // ICMP port unreachable from an earlier reply shows up here on some platforms; keep serving.
                UpdateServerLog.ReceiveFailed(_logger, e, "UDP");
                continue;
            }

            var request = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var client = received.RemoteEndPoint;
            _ = Task.Run(() => AnswerUdpAsync(socket, request, client, cancellationToken), cancellationToken);
        }
    }

    private async Task AnswerUdpAsync(Socket socket, byte[] request, EndPoint client, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Handler.HandleAsync(request, client.ToString() ?? "?", cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return;
            }

            if (response.Length > MaxUdpResponse)
            {
                // No EDNS here: a long answer goes out as its header with TC set, and the client retries over TCP.
                response = response.AsSpan(0, 12).ToArray();
                response[2] |= 0x02;
                response.AsSpan(4, 8).Clear();
            }

            await socket.SendToAsync(response, SocketFlags.None, client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            UpdateServerLog.ReceiveFailed(_logger, e, "UDP");
        }
    }

    private async Task AcceptTcpAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            catch (SocketException e)
            {
                UpdateServerLog.ReceiveFailed(_logger, e, "TCP");
                continue;
            }

            if (Interlocked.Increment(ref _tcpConnections) > _options.MaxTcpConnections)
            {
                Interlocked.Decrement(ref _tcpConnections);
                connection.Dispose();
                continue;
            }

            _ = Task.Run(() => ServeTcpAsync(connection, cancellationToken), cancellationToken);
        }
    }

    /// <summary>Several length-prefixed messages per connection (RFC 7766), answered in order, until idle or closed.</summary>
    private async Task ServeTcpAsync(Socket connection, CancellationToken cancellationToken)
    {
        var client = connection.RemoteEndPoint?.ToString() ?? "?";
        var why = "closed by the client";
        try
        {
            using (connection)
            {
                var lengthPrefix = new byte[2];
                while (true)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    idle.CancelAfter(_options.TcpIdleTimeout);
                    if (!await ReadExactlyAsync(connection, lengthPrefix, idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthPrefix)];
                    if (!await ReadExactlyAsync(connection, request, idle.Token).ConfigureAwait(false))
                    {
                        why = "closed in the middle of a message";
                        return;
                    }

                    if (ZoneTransferService.IsTransferRequest(request))
                    {
                        foreach (var message in Transfers.Answer(request, client))
                        {
                            await SendFramedAsync(connection, message, cancellationToken).ConfigureAwait(false);
                        }

                        continue;
                    }

                    var response = await Handler.HandleAsync(request, client, cancellationToken).ConfigureAwait(false);
                    if (response is null)
                    {
                        continue;
                    }

                    var framed = new byte[response.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                    response.CopyTo(framed, 2);
                    await connection.SendAsync(framed, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            why = cancellationToken.IsCancellationRequested ? "server stopping" : "idle timeout";
        }
        catch (SocketException e)
        {
            why = e.Message;
        }
        finally
        {
            Interlocked.Decrement(ref _tcpConnections);
            UpdateServerLog.TcpClosed(_logger, client, why);
        }
    }

    private static async Task SendFramedAsync(Socket connection, byte[] message, CancellationToken cancellationToken)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        await connection.SendAsync(framed, SocketFlags.None, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _tcp?.Stop();
        _udp?.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stopping.Dispose();
        if (_ownsMetrics)
        {
            _metrics.Dispose();
        }
    }
}
