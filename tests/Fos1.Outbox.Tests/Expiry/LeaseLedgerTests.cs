using Fos1.Outbox.Expiry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Expiry;

public sealed class LeaseLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    private LeaseLedger Open(OutboxOptions? options = null) =>
        LeaseLedger.Open(options ?? _dir.Options, _time, NullLogger<LeaseLedger>.Instance);

    [Fact]
    public async Task Recorded_expiries_and_renewals_survive_a_restart()
    {
        using (var ledger = Open())
        {
            await ledger.RecordAsync(Remove(1), Start.AddHours(1));
            await ledger.RecordAsync(Remove(2), Start.AddHours(2));
            await ledger.RecordAsync(Remove(1) with { Ttl = 7 }, Start.AddHours(3));
            Assert.Equal(2, ledger.Schedule.Count);
        }

        using var reopened = Open();

        Assert.Equal(
            [(Remove(2), Start.AddHours(2)), (Remove(1) with { Ttl = 7 }, Start.AddHours(3))],
            reopened.Schedule.Snapshot().Select(r => (r.Removal, r.ExpiresAt)));
        Assert.Equal(TimeSpan.FromHours(2), reopened.Schedule.Snapshot()[0].ExpiresAt.Offset);
    }

    [Fact]
    public async Task A_forgotten_lease_stays_forgotten_after_a_restart()
    {
        using (var ledger = Open())
        {
            await ledger.RecordAsync(Remove(1), Start.AddHours(1));
            await ledger.RecordAsync(Remove(2, address: "2001:db8::2"), Start.AddHours(1));
            await ledger.ForgetAsync(LeaseKey.Of(Remove(1)));
            await ledger.ForgetAsync(LeaseKey.Of(Remove(2, address: "2001:db8::2")));
        }

        using var reopened = Open();

        Assert.Equal(0, reopened.Schedule.Count);
    }

    [Fact]
    public async Task An_expiry_handled_after_a_renewal_does_not_forget_the_renewed_lease_even_after_a_restart()
    {
        using (var ledger = Open())
        {
            var stale = await RecordAndGet(ledger, Start.AddMinutes(1));
            await ledger.RecordAsync(Remove(1), Start.AddHours(1));

            await ledger.ExpiredAsync(stale);
            Assert.Equal(1, ledger.Schedule.Count);
        }

        using var reopened = Open();

        Assert.Equal(Start.AddHours(1), reopened.Schedule.NextDue);
    }

    [Fact]
    public async Task An_expiry_handled_on_time_forgets_the_lease()
    {
        using (var ledger = Open())
        {
            var due = await RecordAndGet(ledger, Start.AddMinutes(1));
            await ledger.ExpiredAsync(due);
            Assert.Equal(0, ledger.Schedule.Count);
        }

        using var reopened = Open();

        Assert.Equal(0, reopened.Schedule.Count);
    }

    [Fact]
    public async Task Compaction_keeps_every_live_lease()
    {
        var options = _dir.Options with { CompactionThresholdBytes = 8192 };
        long compacted;
        using (var ledger = Open(options))
        {
            for (var round = 0; round < 20; round++)
            {
                for (var host = 0; host < 10; host++)
                {
                    await ledger.RecordAsync(Remove(host), Start.AddMinutes(round + host));
                }
            }

            compacted = ledger.JournalLength;
            Assert.True(compacted < 20 * 10 * 60, $"ledger journal is {compacted} bytes");
        }

        using var reopened = Open(options);

        Assert.Equal(Enumerable.Range(0, 10).Select(h => (Remove(h), Start.AddMinutes(19 + h))),
            reopened.Schedule.Snapshot().Select(r => (r.Removal, r.ExpiresAt)));
    }

    private static async Task<ScheduledRemoval> RecordAndGet(LeaseLedger ledger, DateTimeOffset expiresAt)
    {
        await ledger.RecordAsync(Remove(1), expiresAt);
        return ledger.Schedule.DueAt(expiresAt).Single();
    }
}
