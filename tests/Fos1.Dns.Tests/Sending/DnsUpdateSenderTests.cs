using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Tsig;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Tests.Sending;

public sealed class DnsUpdateSenderTests
{
    private static readonly UpdateMessagePlan Plan = new(
        DnsName.Parse("home.arpa"), [new NameIsNotInUse(DnsName.Parse("nobody.home.arpa"))], []);

    /// <summary>
    /// A bound socket that never reads: nothing answers, and no other test or daemon can take the port
    /// while it is held (a merely "free" port could be picked by a BIND started in parallel).
    /// </summary>
    private static Socket SilentServer()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    [Fact]
    public async Task An_update_to_a_server_that_never_answers_times_out_within_the_timeout()
    {
        using var silent = SilentServer();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        var target = new DnsUpdateTarget(
            (IPEndPoint)silent.LocalEndPoint!,
            new TsigKey(DnsName.Parse("k"), TsigAlgorithm.HmacSha256, new byte[32]));
        var timeout = TimeSpan.FromMilliseconds(400);
        var clock = Stopwatch.StartNew();

        var outcome = await sender.SendAsync(Plan, target, timeout);

        clock.Stop();
        Assert.Equal(UpdateFailureKind.Timeout, Assert.IsType<UpdateFailed>(outcome).Kind);
        Assert.InRange(clock.Elapsed, timeout * 0.9, timeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_instead_of_reporting_an_outcome()
    {
        using var silent = SilentServer();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        using var cancellation = new CancellationTokenSource();
        var target = new DnsUpdateTarget((IPEndPoint)silent.LocalEndPoint!, null);

        var sending = sender.SendAsync(Plan, target, TimeSpan.FromSeconds(30), cancellation.Token);
        await cancellation.CancelAsync();

        var ex = await Record.ExceptionAsync(async () => Assert.Fail((await sending).ToString()));
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task A_truncated_UDP_answer_makes_the_sender_repeat_the_same_message_over_TCP()
    {
        using var udp = SilentServer();
        var server = (IPEndPoint)udp.LocalEndPoint!;
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(server);
        tcp.Listen();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);

        var sending = sender.SendAsync(Plan, new DnsUpdateTarget(server, null), TimeSpan.FromSeconds(10));
        var datagram = new byte[512];
        var received = await udp.ReceiveFromAsync(datagram, new IPEndPoint(IPAddress.Any, 0));
        var request = datagram[..received.ReceivedBytes];
        await udp.SendToAsync(new byte[] { request[0], request[1], 0xaa, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 }, received.RemoteEndPoint);
        using var connection = await tcp.AcceptAsync();
        await using var stream = new NetworkStream(connection);
        var length = new byte[2];
        await stream.ReadExactlyAsync(length);
        var overTcp = new byte[(length[0] << 8) | length[1]];
        await stream.ReadExactlyAsync(overTcp);
        await stream.WriteAsync(new byte[] { 0, 12, request[0], request[1], 0xa8, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 });

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await sending);
        Assert.Equal(request, overTcp);
    }

    [Fact]
    public async Task A_TCP_answer_with_another_transaction_id_is_an_id_mismatch()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        tcp.Listen();
        using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance);
        var big = new UpdateMessagePlan(
            DnsName.Parse("home.arpa"),
            Enumerable.Range(0, 40).Select(i => (Prerequisite)new NameIsInUse(DnsName.Parse($"name-{i}.home.arpa"))).ToList(),
            []);

        var sending = sender.SendAsync(big, new DnsUpdateTarget((IPEndPoint)tcp.LocalEndPoint!, null), TimeSpan.FromSeconds(10));
        using var connection = await tcp.AcceptAsync();
        await using var stream = new NetworkStream(connection);
        var length = new byte[2];
        await stream.ReadExactlyAsync(length);
        var request = new byte[(length[0] << 8) | length[1]];
        await stream.ReadExactlyAsync(request);
        await stream.WriteAsync(new byte[] { 0, 12, (byte)(request[0] ^ 0xff), request[1], 0xa8, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 });

        Assert.True(request.Length > DnsUpdateSender.MaxUdpMessageOctets);
        Assert.Equal(UpdateFailureKind.IdMismatch, Assert.IsType<UpdateFailed>(await sending).Kind);
    }
}
