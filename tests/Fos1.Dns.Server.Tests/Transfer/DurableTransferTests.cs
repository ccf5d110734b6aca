using System.Net;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Tests.Serving;
using Fos1.Dns.Server.Transfer;
using Fos1.Testbed.Network;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Server.Tests.Transfer;

/// <summary>
/// Updates pipeline through the journal's group commit, so the newest accepted version can be ahead of the
/// newest durable one for a few milliseconds. A secondary must never be handed the former: after a crash the
/// primary would come back at a lower serial and the secondary would keep a change nobody was told about.
/// </summary>
public sealed class DurableTransferTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public async Task Dig_axfr_gets_the_newest_durable_version_never_a_commit_still_waiting_for_its_fsync()
    {
        var store = new HeldCommitStore(Sample.HomeZone());
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var answer = handler.HandleAsync(Sample.SignedForwardAdd("h1.home.arpa", "192.0.2.1", 1, Now), "test", CancellationToken.None);
        await store.WaitForPendingAsync(1);
        var options = Sample.Options(new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp()))
            with { Transfers = new TransferPolicy([], AllowUnsignedFromLoopback: true) };
        await using var server = new UpdateServer(options, store, NullLogger<UpdateServer>.Instance);
        server.Start();

        var whilePending = await DigTransfer.AxfrAsync(server.TcpEndPoint, "home.arpa");
        var (accepted, durable) = store.Pending.Single();
        durable.SetResult();
        await answer;
        var afterFsync = await DigTransfer.AxfrAsync(server.TcpEndPoint, "home.arpa");

        Assert.Equal(DigTransfer.Expected(Sample.HomeZone()), DigTransfer.Records(whilePending));
        Assert.Equal(DigTransfer.Expected(accepted.Zone), DigTransfer.Records(afterFsync));
        Assert.NotEqual(DigTransfer.Records(whilePending), DigTransfer.Records(afterFsync));
    }
}
