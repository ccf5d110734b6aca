using System.Net;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Outbox;
using Fos1.Outbox.Expiry;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Integration.Tests.KeaSidecar;

/// <summary>After a reconciliation run the lease ledger holds every active lease's expiry, written only where it differs.</summary>
public sealed class ReconciliationExpiriesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("fos1-reconciliation-expiries-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static NameChange Add(int host, DateTimeOffset? expires, uint ttl = 1200)
    {
        var fqdn = DnsName.Parse($"h{host}.home.arpa");
        var dhcid = ClientIdentity.FromHardwareAddress(1, [2, 0, 0, 0, 0, (byte)host]).ComputeDhcid(fqdn);
        return new NameChange(NameChangeKind.Add, true, true, fqdn, IPAddress.Parse($"10.0.0.{host}"), dhcid, ttl, true, expires);
    }

    private static ScheduledRemoval Held(NameChange add) =>
        new(LeaseKey.Of(add), add with { Kind = NameChangeKind.Remove }, add.LeaseExpiresOn!.Value);

    [Fact]
    public void A_lease_the_ledger_already_holds_with_the_same_expiry_and_removal_is_not_written_again()
    {
        var add = Add(1, Now.AddHours(1));

        var unrecorded = ReconciliationExpiries.Unrecorded([add], Now, [Held(add)]);

        Assert.Empty(unrecorded);
    }

    [Fact]
    public void A_new_lease_a_renewed_lease_and_a_changed_removal_are_written_and_an_ended_lease_is_not()
    {
        var fresh = Add(1, Now.AddHours(1));
        var renewed = Add(2, Now.AddHours(2));
        var retimed = Add(3, Now.AddHours(3), ttl: 600);
        var ended = Add(4, Now.AddSeconds(-1));
        var unknownEnd = Add(5, null);

        var unrecorded = ReconciliationExpiries.Unrecorded(
            [fresh, renewed, retimed, ended, unknownEnd], Now, [Held(Add(2, Now.AddHours(1))), Held(Add(3, Now.AddHours(3)))]);

        Assert.Equal(
            [("10.0.0.1", Now.AddHours(1), 1200u), ("10.0.0.2", Now.AddHours(2), 1200u), ("10.0.0.3", Now.AddHours(3), 600u)],
            unrecorded.Select(e => (e.Removal.Address.ToString(), e.ExpiresAt, e.Removal.Ttl)));
        Assert.All(unrecorded, e => Assert.Equal(NameChangeKind.Remove, e.Removal.Kind));
    }

    [Fact]
    public async Task Ten_thousand_expiries_recorded_together_are_all_scheduled_and_survive_a_restart()
    {
        var options = new OutboxOptions { Directory = _directory };
        var adds = Enumerable.Range(0, 10_000).Select(i => Add(i % 250, Now.AddHours(1)) with
        {
            Address = new IPAddress([10, 1, (byte)(i >> 8), (byte)i]),
        }).ToList();
        var expiries = ReconciliationExpiries.Unrecorded(adds, Now, []);
        using (var ledger = LeaseLedger.Open(options, TimeProvider.System, NullLogger<LeaseLedger>.Instance))
        {
            await ReconciliationExpiries.RecordAsync(ledger, expiries);

            Assert.Equal(10_000, ledger.Schedule.Count);
            Assert.Empty(ReconciliationExpiries.Unrecorded(adds, Now, ledger.Schedule.Snapshot()));
        }

        using var reopened = LeaseLedger.Open(options, TimeProvider.System, NullLogger<LeaseLedger>.Instance);
        Assert.Equal(10_000, reopened.Schedule.Count);
        Assert.Empty(ReconciliationExpiries.Unrecorded(adds, Now, reopened.Schedule.Snapshot()));
    }
}
