using System.Net;
using System.Security.Cryptography;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Sending.Batching;
using Fos1.Dns.Tsig;
using Fos1.Dns.Tests.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Fos1.Dns.Tests.Sending.Batching;

/// <summary>Merged UPDATEs against a real BIND, the zone read back by dig.</summary>
[Collection("bind")]
public sealed class BindBatchingTests(BindPrimary bind, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly DnsName Zone = DnsName.Parse("home.arpa");

    private readonly DnsUpdateSender _wire = new(NullLogger<DnsUpdateSender>.Instance);

    private DnsUpdateTarget Target => new(bind.Endpoint, bind.Keys[TsigAlgorithm.HmacSha256]);

    public void Dispose() => _wire.Dispose();

    [Fact]
    public async Task Two_hundred_concurrent_forward_adds_all_land_in_fewer_than_two_hundred_messages()
    {
        var counting = new CountingSender(_wire);
        using var batching = new BatchingUpdateSender(counting, new BatchingOptions(), new BatchingMetrics(new Fos1.Testbed.Metrics.TestMeterFactory()));
        var changes = Enumerable.Range(0, 200).Select(i => Add($"burst-{i}", IPAddress.Parse($"10.9.{i / 250}.{(i % 250) + 1}"), $"burst-{i}")).ToList();

        var outcomes = await Task.WhenAll(changes.Select(change => batching.SendAsync(UpdatePlans.ForwardAdd(Zone, change), Target, Timeout)));

        Assert.All(outcomes, outcome => Assert.Equal(new UpdateAnswered(ResponseCode.NoError), outcome));
        output.WriteLine($"200 plans in {counting.Messages.Count} messages, largest {counting.Messages.Max(m => m.Prerequisites.Count)} plans");
        Assert.InRange(counting.Messages.Count, 1, 199);
        var zone = await TransferAsync();
        foreach (var change in changes)
        {
            Assert.Contains($"{change.Fqdn.Text}. 300 IN A {change.Address}", zone);
        }
    }

    [Fact]
    public async Task In_a_merged_message_a_name_taken_by_another_client_gets_YXDOMAIN_and_every_other_plan_lands()
    {
        var taken = Add("batch-taken", IPAddress.Parse("10.8.0.1"), "someone-else");
        Assert.Equal(new UpdateAnswered(ResponseCode.NoError), await _wire.SendAsync(UpdatePlans.ForwardAdd(Zone, taken), Target, Timeout));
        var counting = new CountingSender(_wire);
        // A long delay, and the first message held until all plans wait: the rest must ride together.
        using var batching = new BatchingUpdateSender(counting, new BatchingOptions { MaxDelayMs = 1000 }, new BatchingMetrics(new Fos1.Testbed.Metrics.TestMeterFactory()));
        var changes = Enumerable.Range(0, 20).Select(i => Add($"batch-{i}", IPAddress.Parse($"10.8.1.{i + 1}"), $"batch-{i}")).ToList();
        changes.Insert(1, taken with { Address = IPAddress.Parse("10.8.0.2"), Dhcid = Dhcid("me") });
        var first = counting.Hold(plan => plan.Prerequisites.Count == 1);

        var sends = changes.Select(change => batching.SendAsync(UpdatePlans.ForwardAdd(Zone, change), Target, Timeout)).ToList();
        first.SetResult();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(ResponseCode.YxDomain, Assert.IsType<UpdateAnswered>(outcomes[1]).ResponseCode);
        Assert.All(outcomes.Where((_, i) => i != 1), outcome => Assert.Equal(new UpdateAnswered(ResponseCode.NoError), outcome));
        Assert.Contains(counting.Messages, message => message.Prerequisites.Count == 20);
        Assert.Equal(["batch-taken.home.arpa. 300 IN A 10.8.0.1"], await bind.AnswerAsync("batch-taken.home.arpa", "A"));
        var zone = await TransferAsync();
        foreach (var change in changes.Where((_, i) => i != 1))
        {
            Assert.Contains($"{change.Fqdn.Text}. 300 IN A {change.Address}", zone);
        }
    }

    private static NameChange Add(string host, IPAddress address, string client) =>
        new(NameChangeKind.Add, true, false, Zone.Prepend(host), address, Dhcid(client), 300, true, null);

    private static Dhcid Dhcid(string client) =>
        new(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(client)).Prepend((byte)1).Prepend((byte)0).Prepend((byte)0).ToArray());

    /// <summary>The zone as "name ttl class type data" lines, single-spaced, via AXFR.</summary>
    private async Task<HashSet<string>> TransferAsync()
    {
        var result = await Testbed.Dns.Dig.QueryFullAsync(bind.Endpoint, Zone.Text, "AXFR");
        var lines = result.Answers.Select(r => $"{r.Name} {r.Ttl} {r.Class} {r.Type} {r.Data}").ToHashSet(StringComparer.Ordinal);
        Assert.True(lines.Count > 0, $"AXFR of {Zone} returned nothing:\n{result.Output}");
        return lines;
    }
}
