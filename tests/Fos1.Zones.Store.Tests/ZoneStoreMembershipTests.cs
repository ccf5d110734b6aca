using System.Net;
using Fos1.Zones.Records;

namespace Fos1.Zones.Store.Tests;

public sealed class ZoneStoreMembershipTests : IDisposable
{
    private static readonly DnsName Lab = DnsName.Parse("lab.home.arpa");
    private readonly StoreFixture _fixture = new();

    private static Zone LabZone(uint serial = 1) => Zone.Create(Lab,
    [
        new ResourceRecord(Lab, 3600, new SoaData(DnsName.Parse("ns.lab.home.arpa"), DnsName.Parse("hostmaster.lab.home.arpa"), serial, 3600, 600, 604800, 300).ToRdata()),
        new ResourceRecord(Lab, 3600, Rdata.Ns(DnsName.Parse("ns.lab.home.arpa"))),
    ]);

    private static Fos1.Zones.Journal.UpdateJournalEntry AddHost(Zone zone, string host)
    {
        var request = new Fos1.Zones.Updates.UpdateRequest(
            [new Fos1.Zones.Updates.ZoneSection(zone.Origin, DnsType.Soa, DnsClass.In)], [],
            [new Fos1.Zones.Updates.RawRecord(zone.Origin.Prepend(host), DnsType.A, DnsClass.In, 60, Rdata.A(IPAddress.Parse("10.9.9.9")).Wire.ToArray())]);
        var policy = new Fos1.Zones.Policy.UpdatePolicy([Fos1.Zones.Policy.UpdateGrant.ForKey(StoreFixture.Key, zone.Origin, new Fos1.Zones.Policy.AnyNameInZone())]);
        return Fos1.Zones.Updates.UpdateProcessor.Apply(zone, request, policy, StoreFixture.Key).Change!;
    }

    [Fact]
    public async Task An_added_zone_is_served_committed_to_and_reported_to_watchers()
    {
        await using var store = _fixture.Open();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var changes = store.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        await store.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
        await store.CommitAsync(AddHost(store.Latest(Lab), "pc"));

        Assert.Equal([StoreFixture.Origin, Lab], store.Zones.OrderBy(z => z.Text));
        Assert.Equal(2u, store.Current(Lab).Serial);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new ZoneChange(Lab, 1) { Kind = ZoneChangeKind.Added }, changes.Current);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new ZoneChange(Lab, 2), changes.Current);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddZoneAsync(ZoneDefinition.FromZone(LabZone())));
    }

    [Fact]
    public async Task An_added_zone_keeps_its_dynamic_records_across_a_restart_when_added_again()
    {
        await using (var store = _fixture.Open())
        {
            await store.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
            await store.CommitAsync(AddHost(store.Latest(Lab), "pc"));
        }

        await using var reopened = _fixture.Open();
        Assert.False(reopened.Contains(Lab));
        await reopened.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
        Assert.Equal(2u, reopened.Current(Lab).Serial);
        Assert.NotNull(reopened.Current(Lab).Find(DnsName.Parse("pc.lab.home.arpa"), DnsType.A));
    }

    [Fact]
    public async Task A_removed_zone_is_gone_at_once_its_files_are_moved_aside_and_adding_it_again_starts_from_the_definition()
    {
        await using var store = _fixture.Open();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await store.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
        await store.CommitAsync(AddHost(store.Latest(Lab), "pc"));
        await using var changes = store.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await store.RemoveZoneAsync(Lab));

        Assert.False(store.Contains(Lab));
        Assert.False(store.TryGetCurrent(Lab, out _));
        Assert.Throws<KeyNotFoundException>(() => store.Current(Lab));
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(new ZoneChange(Lab, 2) { Kind = ZoneChangeKind.Removed }, changes.Current);
        Assert.False(File.Exists(Path.Combine(_fixture.StoreDirectory, "lab.home.arpa.zone")));
        Assert.False(File.Exists(Path.Combine(_fixture.StoreDirectory, "lab.home.arpa.journal")));
        Assert.False(File.Exists(Path.Combine(_fixture.PublishDirectory, "lab.home.arpa.zone")));
        var retired = Directory.GetFiles(Path.Combine(_fixture.StoreDirectory, ZoneStore.RetiredDirectoryName)).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, retired.Count);
        Assert.Matches(@"^lab\.home\.arpa\.\d{8}T\d{9}\.journal$", retired[0]);
        Assert.Matches(@"^lab\.home\.arpa\.\d{8}T\d{9}\.zone$", retired[1]);
        Assert.Contains("pc", File.ReadAllText(Path.Combine(_fixture.StoreDirectory, ZoneStore.RetiredDirectoryName, retired[1]!)), StringComparison.Ordinal);

        await store.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
        Assert.Equal(LabZone(), store.Current(Lab));
        Assert.False(await store.RemoveZoneAsync(DnsName.Parse("never.home.arpa")));
    }

    [Fact]
    public async Task Removing_a_zone_while_it_takes_commits_loses_no_acknowledged_update_and_leaves_other_zones_alone()
    {
        await using var store = _fixture.Open();
        await store.AddZoneAsync(ZoneDefinition.FromZone(LabZone()));
        var acknowledged = new List<Task>();
        for (var i = 0; i < 50; i++)
        {
            acknowledged.Add(store.CommitAsync(AddHost(store.Latest(Lab), "h" + i)));
        }

        var removal = store.RemoveZoneAsync(Lab);
        var home = await StoreFixture.CommitManyAsync(store, 1, 20);
        await removal;
        await Task.WhenAll(acknowledged);

        Assert.Equal(120u, home.Serial);
        var retired = Directory.GetFiles(Path.Combine(_fixture.StoreDirectory, ZoneStore.RetiredDirectoryName), "*.zone").Single();
        var last = Fos1.Zones.Text.ZoneFileReader.Parse(File.ReadAllText(retired), Lab);
        Assert.Equal(51u, last.Serial);
    }

    [Fact]
    public async Task A_disposed_store_refuses_membership_changes()
    {
        var store = _fixture.Open();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AddZoneAsync(ZoneDefinition.FromZone(LabZone())));
    }

    public void Dispose() => _fixture.Dispose();
}
