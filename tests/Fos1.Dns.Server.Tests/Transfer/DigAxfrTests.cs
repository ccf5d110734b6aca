using Fos1.Dns.Server.Transfer;

namespace Fos1.Dns.Server.Tests.Transfer;

public sealed class DigAxfrTests
{
    [Fact]
    public async Task Dig_axfr_from_loopback_returns_exactly_the_zone()
    {
        await using var server = TransferringServer.Start(new TransferPolicy([], AllowUnsignedFromLoopback: true));

        var output = await DigTransfer.AxfrAsync(server.EndPoint, "home.arpa");

        Assert.Equal(DigTransfer.Expected(server.Store.Find(Sample.Origin)!), DigTransfer.Records(output));
    }

    [Fact]
    public async Task A_tsig_signed_dig_axfr_is_answered_and_verified_by_dig()
    {
        await using var server = TransferringServer.Start(new TransferPolicy([Sample.KeyName]));

        var output = await DigTransfer.AxfrAsync(server.EndPoint, "home.arpa", Sample.NsupdateKey);

        Assert.DoesNotContain("failed", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DigTransfer.Expected(server.Store.Find(Sample.Origin)!), DigTransfer.Records(output));
    }

    [Fact]
    public async Task Dig_verifies_the_tsig_chain_of_a_transfer_that_takes_many_messages()
    {
        var zone = ZoneTransferResponderTests.BigZone();
        await using var server = TransferringServer.Start(new TransferPolicy([Sample.KeyName]), new Zones.InMemoryZoneStore([zone]));

        var output = await DigTransfer.AxfrAsync(server.EndPoint, "home.arpa", Sample.NsupdateKey);

        Assert.DoesNotContain("failed", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DigTransfer.Expected(zone), DigTransfer.Records(output));
    }

    [Fact]
    public async Task An_unsigned_axfr_is_refused_when_only_keys_may_transfer()
    {
        await using var server = TransferringServer.Start(new TransferPolicy([Sample.KeyName]));

        var output = await DigTransfer.AxfrAsync(server.EndPoint, "home.arpa");

        Assert.Contains("Transfer failed", output, StringComparison.Ordinal);
        Assert.Empty(DigTransfer.Records(output));
    }
}
