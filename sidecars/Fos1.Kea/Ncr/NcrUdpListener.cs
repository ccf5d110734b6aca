using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Fos1.Ddns.Leases;
using Microsoft.Extensions.Logging;

namespace Fos1.Kea.Ncr;

/// <summary>
/// Receives Kea's NameChangeRequests on UDP and hands decoded changes to a channel. The receive loop
/// does nothing slow: Kea never learns whether we got a request and suspends its DDNS client when
/// sending fails, so the socket must always be drained.
/// </summary>
public sealed partial class NcrUdpListener : IAsyncDisposable
{
    // A burst of thousands of leases must queue in the kernel, not be dropped by it.
    private const int ReceiveBufferBytes = 8 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly ChannelWriter<NameChange> _output;
    private readonly NcrMetrics _metrics;
    private readonly ILogger<NcrUdpListener> _logger;

    private NcrUdpListener(Socket socket, ChannelWriter<NameChange> output, NcrMetrics metrics, ILogger<NcrUdpListener> logger)
    {
        _socket = socket;
        _output = output;
        _metrics = metrics;
        _logger = logger;
    }

    public IPEndPoint LocalEndpoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static NcrUdpListener Bind(IPEndPoint endpoint, ChannelWriter<NameChange> output, NcrMetrics metrics, ILogger<NcrUdpListener> logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = ReceiveBufferBytes;
            socket.Bind(endpoint);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new IOException($"cannot bind the NCR listener to udp/{endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new NcrUdpListener(socket, output, metrics, logger);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        LogListening(LocalEndpoint);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP errors and oversized datagrams concern one datagram, never the listener.
                LogReceiveProblem(e.SocketErrorCode);
                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes);
            var result = NameChangeRequestCodec.Decode(datagram);
            if (!result.IsSuccess)
            {
                _metrics.Rejected(result.Error.Kind);
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    LogRejected(received.RemoteEndPoint, result.Error.Kind, result.Error.Message, NameChangeRequestCodec.Describe(datagram));
                }

                continue;
            }

            _metrics.Received(result.Change.Kind);
            if (!_output.TryWrite(result.Change))
            {
                await _output.WriteAsync(result.Change, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Listening for Kea NameChangeRequests on udp/{Endpoint}")]
    private partial void LogListening(IPEndPoint endpoint);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused NameChangeRequest from {Sender}: {Reason}: {Detail} (datagram: {Datagram})")]
    private partial void LogRejected(EndPoint sender, NcrDecodeErrorKind reason, string detail, string datagram);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "UDP receive problem ignored: {Problem}")]
    private partial void LogReceiveProblem(SocketError problem);
}
