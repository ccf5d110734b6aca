using System.Net;
using System.Security.Cryptography;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Tsig;
using Microsoft.Extensions.Logging.Abstractions;
using static Fos1.Dns.Tests.Sending.Rfc4703Plans;

namespace Fos1.Dns.Tests.Sending;

/// <summary>UPDATEs sent by <see cref="DnsUpdateSender"/> to a real BIND, with the zone read back by dig.</summary>
[Collection("bind")]
public sealed class BindUpdateTests(BindPrimary bind) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly Dhcid Mine = new(SHA256.HashData("mine"u8).Prepend((byte)1).Prepend((byte)0).Prepend((byte)0).ToArray());
    private static readonly Dhcid Theirs = new(SHA256.HashData("theirs"u8).Prepend((byte)1).Prepend((byte)0).Prepend((byte)0).ToArray());

    private readonly DnsUpdateSender _sender = new(NullLogger<DnsUpdateSender>.Instance);

    private DnsUpdateTarget Target(TsigAlgorithm algorithm = TsigAlgorithm.HmacSha256) => new(bind.Endpoint, bind.Keys[algorithm]);

    private Task<UpdateOutcome> SendAsync(UpdateMessagePlan plan, DnsUpdateTarget? target = null) =>
        _sender.SendAsync(plan, target ?? Target(), Timeout);

    private Task<IReadOnlyList<string>> AnyAsync(DnsName name) => bind.AnswerAsync(name.Text, "ANY");

    public void Dispose() => _sender.Dispose();

    [Theory]
    [InlineData(TsigAlgorithm.HmacMd5)]
    [InlineData(TsigAlgorithm.HmacSha1)]
    [InlineData(TsigAlgorithm.HmacSha224)]
    [InlineData(TsigAlgorithm.HmacSha256)]
    [InlineData(TsigAlgorithm.HmacSha384)]
    [InlineData(TsigAlgorithm.HmacSha512)]
    public async Task An_add_signed_with_each_algorithm_is_applied_and_its_signed_answer_verifies(TsigAlgorithm algorithm)
    {
        var name = DnsName.Parse($"alg-{algorithm.KeaName().ToLowerInvariant()}.home.arpa");
        var plan = new UpdateMessagePlan(Forward, [], [new AddRecord(new DnsRecord(name, 300, new AddressData(IPAddress.Parse("192.0.2.77"))))]);

        var outcome = await SendAsync(plan, Target(algorithm));

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), outcome);
        Assert.Equal([$"{name} 300 IN A 192.0.2.77"], await AnyAsync(name));
    }

    [Fact]
    public async Task An_add_signed_with_a_wrong_secret_is_refused_as_BADSIG_and_nothing_is_applied()
    {
        var name = DnsName.Parse("wrong-secret.home.arpa");
        var good = bind.Keys[TsigAlgorithm.HmacSha256];
        var forged = new TsigKey(good.Name, good.Algorithm, RandomNumberGenerator.GetBytes(32));

        var outcome = await SendAsync(ForwardAdd(name, IPAddress.Parse("192.0.2.66"), Mine), new DnsUpdateTarget(bind.Endpoint, forged));

        Assert.Equal(UpdateFailureKind.BadSig, Assert.IsType<UpdateFailed>(outcome).Kind);
        Assert.Empty(await AnyAsync(name));
    }

    [Fact]
    public async Task An_add_signed_with_a_key_the_server_does_not_know_is_refused_as_BADKEY()
    {
        var name = DnsName.Parse("unknown-key.home.arpa");
        var stranger = new TsigKey(DnsName.Parse("stranger"), TsigAlgorithm.HmacSha256, RandomNumberGenerator.GetBytes(32));

        var outcome = await SendAsync(ForwardAdd(name, IPAddress.Parse("192.0.2.65"), Mine), new DnsUpdateTarget(bind.Endpoint, stranger));

        Assert.Equal(UpdateFailureKind.BadKey, Assert.IsType<UpdateFailed>(outcome).Kind);
        Assert.Empty(await AnyAsync(name));
    }

    [Fact]
    public async Task An_unsigned_update_is_refused()
    {
        var name = DnsName.Parse("unsigned.home.arpa");

        var outcome = await SendAsync(ForwardAdd(name, IPAddress.Parse("192.0.2.64"), Mine), new DnsUpdateTarget(bind.Endpoint, null));

        Assert.Equal(new UpdateAnswered(ResponseCode.Refused), outcome);
        Assert.Empty(await AnyAsync(name));
    }

    [Fact]
    public async Task The_RFC_4703_flow_adds_refuses_conflicts_replaces_and_removes_exactly()
    {
        var fqdn = DnsName.Parse("flow.home.arpa");
        var reverse = DnsName.Parse("10.2.0.192.in-addr.arpa");
        var first = IPAddress.Parse("192.0.2.10");
        var second = IPAddress.Parse("192.0.2.11");
        string[] mine = [$"flow.home.arpa. 300 IN A 192.0.2.10", $"flow.home.arpa. 300 IN DHCID {Mine}"];

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ForwardAdd(fqdn, first, Mine)));
        Assert.Equal(mine, await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.YxDomain), await SendAsync(ForwardAdd(fqdn, second, Theirs)));
        Assert.Equal(mine, await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.NxRrset), await SendAsync(ForwardReplace(fqdn, second, Theirs)));
        Assert.Equal(mine, await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ForwardReplace(fqdn, second, Mine)));
        Assert.Equal(["flow.home.arpa. 300 IN A 192.0.2.11", $"flow.home.arpa. 300 IN DHCID {Mine}"], await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ReverseReplace(reverse, fqdn, Mine)));
        Assert.Equal(
            [$"10.2.0.192.in-addr.arpa. 300 IN DHCID {Mine}", "10.2.0.192.in-addr.arpa. 300 IN PTR flow.home.arpa."],
            await AnyAsync(reverse));

        Assert.Equal(new UpdateAnswered(ResponseCode.NxRrset), await SendAsync(ForwardAddressRemove(fqdn, second, Theirs)));
        Assert.Equal(new UpdateAnswered(ResponseCode.YxRrset), await SendAsync(ForwardNameRemove(fqdn, Mine)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ForwardAddressRemove(fqdn, second, Mine)));
        Assert.Equal([$"flow.home.arpa. 300 IN DHCID {Mine}"], await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.NxRrset), await SendAsync(ForwardNameRemove(fqdn, Theirs)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ForwardNameRemove(fqdn, Mine)));
        Assert.Empty(await AnyAsync(fqdn));

        Assert.Equal(new UpdateAnswered(ResponseCode.NxRrset), await SendAsync(ReverseRemove(reverse, DnsName.Parse("other.home.arpa"))));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ReverseRemove(reverse, fqdn)));
        Assert.Empty(await AnyAsync(reverse));
    }

    [Fact]
    public async Task An_IPv6_add_and_a_name_is_in_use_check_work_for_AAAA()
    {
        var fqdn = DnsName.Parse("six.home.arpa");
        var address = IPAddress.Parse("2001:db8::6");

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(ForwardAdd(fqdn, address, Mine)));
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(new UpdateMessagePlan(
            Forward, [new RRsetExists(fqdn, RecordType.Aaaa), new RRsetDoesNotExist(fqdn, RecordType.A)], [])));

        Assert.Equal(["six.home.arpa. 300 IN AAAA 2001:db8::6", $"six.home.arpa. 300 IN DHCID {Mine}"], await AnyAsync(fqdn));
    }

    [Fact]
    public async Task An_update_larger_than_512_octets_goes_over_TCP_and_is_applied()
    {
        var fqdn = DnsName.Parse("big.home.arpa");
        var updates = Enumerable.Range(1, 60)
            .Select(i => (UpdateOperation)new AddRecord(new DnsRecord(fqdn, 300, new AddressData(IPAddress.Parse($"192.0.2.{i}")))))
            .ToList();
        var plan = new UpdateMessagePlan(Forward, [new NameIsNotInUse(fqdn)], updates);
        Assert.True(Fos1.Dns.Wire.UpdateMessageEncoder.Encode(plan, 1, bind.Keys[TsigAlgorithm.HmacSha512], DateTimeOffset.UtcNow).Message.Length > 512);

        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await SendAsync(plan, Target(TsigAlgorithm.HmacSha512)));

        Assert.Equal(60, (await bind.AnswerAsync(fqdn.Text, "A")).Count);
    }

    [Fact]
    public async Task Hundreds_of_updates_in_flight_at_once_all_get_their_own_answer()
    {
        var names = Enumerable.Range(0, 400).Select(i => DnsName.Parse($"many-{i}.home.arpa")).ToList();

        var outcomes = await Task.WhenAll(names.Select(name => SendAsync(ForwardAdd(name, IPAddress.Parse("192.0.2.200"), Mine))));
        var again = await Task.WhenAll(names.Select(name => SendAsync(ForwardAdd(name, IPAddress.Parse("192.0.2.201"), Theirs))));

        Assert.All(outcomes, outcome => Assert.Equal(new UpdateAnswered(ResponseCode.NoError), outcome));
        Assert.All(again, outcome => Assert.Equal(new UpdateAnswered(ResponseCode.YxDomain), outcome));
        Assert.Equal(["many-399.home.arpa. 300 IN A 192.0.2.200"], await bind.AnswerAsync("many-399.home.arpa", "A"));
    }
}
