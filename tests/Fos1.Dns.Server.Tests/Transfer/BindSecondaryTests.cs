using Fos1.Dns.Server.Transfer;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Server.Tests.Transfer;

public sealed class BindSecondaryTests
{
    [Fact]
    public async Task A_bind_secondary_transfers_the_zone_at_start_and_again_after_notify()
    {
        await using var server = TransferringServer.Start(new TransferPolicy([], AllowUnsignedFromLoopback: true));
        await using var bind = await BindServer.StartAsync(new BindServerOptions
        {
            Zones = [],
            SecondaryZones = [new BindSecondaryZone("home.arpa", server.EndPoint)],
        });

        Assert.Equal(
            DigTransfer.Expected(server.Store.Find(Sample.Origin)!),
            DigTransfer.Records(await DigTransfer.AxfrAsync(bind.Endpoint, "home.arpa")));

        var update = await Nsupdate.SendAsync(server.EndPoint, Sample.NsupdateKey, "home.arpa", ["update add printer.home.arpa. 300 A 192.0.2.77"]);
        Assert.True(update.ExitCode == 0, update.StandardError);
        var zone = server.Store.Find(Sample.Origin)!;
        Assert.Equal(101u, zone.Serial);

        var results = await new NotifySender(NullLogger.Instance).NotifyAsync(Sample.Origin, zone.Serial, [bind.Endpoint], key: null, CancellationToken.None);
        Assert.True(Assert.Single(results).Acknowledged);

        await Poll.UntilAsync(
            async ct => (await bind.QueryAsync("printer.home.arpa", "A", ct)).SequenceEqual(["192.0.2.77"])
                && (await bind.QueryAsync("home.arpa", "SOA", ct)).Single().Split(' ')[2] == "101",
            TimeSpan.FromSeconds(15),
            "BIND to transfer serial 101 with printer.home.arpa after NOTIFY",
            () => bind.RecentOutput);
        Assert.Equal(
            DigTransfer.Expected(server.Store.Find(Sample.Origin)!),
            DigTransfer.Records(await DigTransfer.AxfrAsync(bind.Endpoint, "home.arpa")));
    }

    [Fact]
    public async Task A_notify_nobody_answers_is_reported_unanswered_after_every_try()
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var silent = (System.Net.IPEndPoint)socket.LocalEndPoint!;
        var sender = new NotifySender(NullLogger.Instance) { Tries = 2, Interval = TimeSpan.FromMilliseconds(200) };

        var result = Assert.Single(await sender.NotifyAsync(Sample.Origin, 100, [silent], Sample.Key, CancellationToken.None));

        Assert.Null(result.Code);
        Assert.Equal(2, result.Tries);
        Assert.Equal(1, sender.UnansweredCount);
        Assert.Equal(2, socket.Available > 0 ? CountDatagrams(socket) : 0);
    }

    private static int CountDatagrams(System.Net.Sockets.Socket socket)
    {
        var count = 0;
        var buffer = new byte[512];
        while (socket.Available > 0)
        {
            socket.Receive(buffer);
            count++;
        }

        return count;
    }
}
