using Fos1.Ddns.Updates;
using Microsoft.Extensions.Time.Testing;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>
/// The zone gate covers building an UPDATE's version and handing it to the store, not the wait for it to
/// be durable: concurrent UPDATEs of one zone reach the store's group commit together, and each answer
/// still waits for its own version to be durable.
/// </summary>
public sealed class UpdatePipeliningTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public async Task Concurrent_updates_of_one_zone_are_all_handed_to_the_store_before_the_first_is_durable_and_none_is_answered_before_its_own_commit()
    {
        var store = new HeldCommitStore(Sample.HomeZone());
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));

        var answers = Enumerable.Range(1, 16)
            .Select(i => handler.HandleAsync(Add($"h{i}.home.arpa", $"192.0.2.{i}", (ushort)i), "test", CancellationToken.None))
            .ToList();
        await store.WaitForPendingAsync(16);

        Assert.All(answers, answer => Assert.False(answer.IsCompleted));
        var pending = store.Pending.ToArray();
        Assert.Equal(Enumerable.Range(101, 16).Select(s => (uint)s), pending.Select(p => p.Outcome.Zone.Serial).Order());
        for (var i = 0; i < pending.Length; i++)
        {
            // Each commit built on the one before it: one chain of serials, as the journal needs.
            Assert.Equal(pending[i].Outcome.Change!.FromSerial + 1, pending[i].Outcome.Change!.ToSerial);
            if (i > 0)
            {
                Assert.Equal(pending[i - 1].Outcome.Change!.ToSerial, pending[i].Outcome.Change!.FromSerial);
            }
        }

        // Durable in a first group of 8: exactly those 8 are answered, NOERROR; the others still wait.
        foreach (var (_, durable) in pending[..8])
        {
            durable.SetResult();
        }

        var firstGroup = pending[..8].Select(p => AnswerIndex(p.Outcome)).ToHashSet();
        await Task.WhenAll(firstGroup.Select(i => answers[i]));
        Assert.Equal(firstGroup.Order(), Enumerable.Range(0, 16).Where(i => answers[i].IsCompleted));
        foreach (var (_, durable) in pending[8..])
        {
            durable.SetResult();
        }

        Assert.All(await Task.WhenAll(answers), response => Assert.Equal(ResponseCode.NoError, Sample.Rcode(response)));
    }

    [Fact]
    public async Task An_update_refused_on_a_version_not_yet_durable_is_answered_only_after_that_version_is_and_servfail_when_it_never_is()
    {
        var store = new HeldCommitStore(Sample.HomeZone());
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var first = handler.HandleAsync(Add("taken.home.arpa", "192.0.2.7", 1), "test", CancellationToken.None);
        await store.WaitForPendingAsync(1);

        // Same name, another client: "name not in use" fails on the accepted (not yet durable) version.
        var second = handler.HandleAsync(Add("taken.home.arpa", "192.0.2.8", 2, clientByte: 9), "test", CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (DateTime.UtcNow < deadline && !second.IsCompleted)
        {
            await Task.Delay(5);
        }

        Assert.False(second.IsCompleted);
        Assert.Single(store.Pending);
        Assert.True(store.Pending.TryPeek(out var held));
        held.Durable.SetException(new IOException("disk full"));

        Assert.Equal(ResponseCode.ServFail, Sample.Rcode(await first));
        Assert.Equal(ResponseCode.ServFail, Sample.Rcode(await second));
    }

    [Fact]
    public async Task An_update_refused_on_a_version_that_becomes_durable_gets_its_own_answer()
    {
        var store = new HeldCommitStore(Sample.HomeZone());
        var handler = Sample.Handler(store, time: new FakeTimeProvider(Now));
        var first = handler.HandleAsync(Add("taken.home.arpa", "192.0.2.7", 1), "test", CancellationToken.None);
        await store.WaitForPendingAsync(1);
        var second = handler.HandleAsync(Add("taken.home.arpa", "192.0.2.8", 2, clientByte: 9), "test", CancellationToken.None);

        Assert.True(store.Pending.TryPeek(out var held));
        held.Durable.SetResult();

        Assert.Equal(ResponseCode.NoError, Sample.Rcode(await first));
        Assert.Equal(ResponseCode.YxDomain, Sample.Rcode(await second));
    }

    /// <summary>Which request (h1 is answer 0) an outcome belongs to.</summary>
    private static int AnswerIndex(Fos1.Zones.Updates.UpdateOutcome outcome) =>
        int.Parse(outcome.Change!.Added.First(r => r.Owner != Sample.Origin).Owner.Text.Split('.')[0][1..], System.Globalization.CultureInfo.InvariantCulture) - 1;

    private static byte[] Add(string fqdn, string address, ushort id, byte clientByte = 1) => Sample.SignedForwardAdd(fqdn, address, id, Now, clientByte);
}
