using System.Buffers.Binary;
using System.Net.Sockets;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Tests.Serving;

public sealed class TcpFramingTests
{
    private static async Task<byte[]> Exchange(NetworkStream stream, ReadOnlyMemory<byte> message)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsMemory(2));
        await stream.WriteAsync(framed);
        var length = new byte[2];
        await stream.ReadExactlyAsync(length);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
        await stream.ReadExactlyAsync(response);
        return response;
    }

    [Fact]
    public async Task Several_updates_on_one_connection_are_answered_in_order()
    {
        await using var server = RunningServer.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        var stream = client.GetStream();

        for (ushort i = 1; i <= 3; i++)
        {
            var plan = UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change($"h{i}.home.arpa", $"192.0.2.{i}", (byte)i));
            var update = UpdateMessageEncoder.Encode(plan, i, Sample.Key, DateTimeOffset.UtcNow);

            var response = await Exchange(stream, update.Message);

            Assert.Equal(i, BinaryPrimitives.ReadUInt16BigEndian(response));
            Assert.Equal(new Fos1.Dns.Sending.UpdateAnswered(ResponseCode.NoError), UpdateResponse.Interpret(update, response, DateTimeOffset.UtcNow));
        }

        Assert.Equal(103u, server.Home.Serial);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_by_the_server()
    {
        await using var server = RunningServer.Start(idleTimeout: TimeSpan.FromMilliseconds(200));
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var read = await client.GetStream().ReadAsync(new byte[1], deadline.Token);

        Assert.Equal(0, read);
    }
}
