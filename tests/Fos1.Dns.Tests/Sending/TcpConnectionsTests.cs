using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Fos1.Dns.Sending;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Tests.Sending;

/// <summary>TCP exchanges reuse kept connections, and survive a server that closes them, against a loopback TCP server.</summary>
public sealed class TcpConnectionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Exchanges_one_after_another_share_one_connection()
    {
        await using var server = FramedServer.Start(closeAfterEachAnswer: false);
        using var connections = new TcpConnections(TimeProvider.System);

        var first = await connections.ExchangeAsync(server.Endpoint, "one"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);
        var second = await connections.ExchangeAsync(server.Endpoint, "two"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal("answer:one"u8.ToArray(), first);
        Assert.Equal("answer:two"u8.ToArray(), second);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task A_server_that_closes_after_each_answer_still_answers_every_exchange_on_fresh_connections()
    {
        await using var server = FramedServer.Start(closeAfterEachAnswer: true);
        using var connections = new TcpConnections(TimeProvider.System);

        for (var i = 0; i < 5; i++)
        {
            var answer = await connections.ExchangeAsync(server.Endpoint, new[] { (byte)i }, CancellationToken.None).WaitAsync(Patience);
            Assert.Equal([.. "answer:"u8.ToArray(), (byte)i], answer);
        }

        Assert.Equal(5, server.Accepted);
    }

    [Fact]
    public async Task A_kept_connection_the_server_closed_while_idle_is_replaced_and_the_message_still_answered()
    {
        await using var server = FramedServer.Start(closeAfterEachAnswer: false);
        using var connections = new TcpConnections(TimeProvider.System);
        await connections.ExchangeAsync(server.Endpoint, "one"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        server.CloseConnections();
        var answer = await connections.ExchangeAsync(server.Endpoint, "two"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal("answer:two"u8.ToArray(), answer);
        Assert.Equal(2, server.Accepted);
        Assert.Equal(["one", "two"], server.Requests);
    }

    [Fact]
    public async Task A_connection_idle_longer_than_the_idle_limit_is_not_reused()
    {
        await using var server = FramedServer.Start(closeAfterEachAnswer: false);
        var clock = new FakeTimeProvider();
        using var connections = new TcpConnections(clock);
        await connections.ExchangeAsync(server.Endpoint, "one"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        clock.Advance(TcpConnections.IdleLimit + TimeSpan.FromSeconds(1));
        await connections.ExchangeAsync(server.Endpoint, "two"u8.ToArray(), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task A_fresh_connection_closed_without_an_answer_is_an_error_not_a_retry()
    {
        await using var server = FramedServer.Start(closeAfterEachAnswer: false, answer: false);
        using var connections = new TcpConnections(TimeProvider.System);

        await Assert.ThrowsAsync<IOException>(() => connections.ExchangeAsync(server.Endpoint, "one"u8.ToArray(), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(1, server.Accepted);
    }

    /// <summary>Answers each length-framed request with "answer:" + the request, or closes without answering.</summary>
    private sealed class FramedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly bool _closeAfterEachAnswer;
        private readonly bool _answer;
        private readonly List<Socket> _open = [];
        private readonly List<string> _requests = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _accepted;

        private FramedServer(bool closeAfterEachAnswer, bool answer)
        {
            _closeAfterEachAnswer = closeAfterEachAnswer;
            _answer = answer;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

        public int Accepted => Volatile.Read(ref _accepted);

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public static FramedServer Start(bool closeAfterEachAnswer, bool answer = true) => new(closeAfterEachAnswer, answer);

        public void CloseConnections()
        {
            lock (_open)
            {
                _open.ForEach(socket => socket.Dispose());
                _open.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            CloseConnections();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                lock (_open)
                {
                    _open.Add(socket);
                }

                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            try
            {
                using var stream = new NetworkStream(socket, ownsSocket: true);
                while (true)
                {
                    var prefix = new byte[2];
                    await stream.ReadExactlyAsync(prefix, _stop.Token);
                    var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                    await stream.ReadExactlyAsync(request, _stop.Token);
                    lock (_requests)
                    {
                        _requests.Add(System.Text.Encoding.ASCII.GetString(request));
                    }

                    if (!_answer)
                    {
                        return;
                    }

                    byte[] answer = [.. "answer:"u8.ToArray(), .. request];
                    var framed = new byte[2 + answer.Length];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)answer.Length);
                    answer.CopyTo(framed, 2);
                    await stream.WriteAsync(framed, _stop.Token);
                    if (_closeAfterEachAnswer)
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client or the test closed the connection.
            }
        }
    }
}
