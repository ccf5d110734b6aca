using Fos1.Testbed.AdGuard;
using System.Net;
using Fos1.AdGuard.Api;
using Fos1.AdGuard.Convergence;
using Fos1.AdGuard.Desired;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.AdGuard.Tests;

/// <summary>
/// The API client and applier against <see cref="FakeAdGuardHome"/>, a stateful stand-in for AdGuard Home's
/// documented /control API (AdGuard Home itself cannot be installed here).
/// </summary>
public sealed class ConvergenceAgainstFakeAdGuardTests
{
    private static DesiredState Desired() => DesiredStateBuilder.Build(Crs.SampleLists(), Crs.SampleClients());

    private static AdGuardApplier Applier(FakeAdGuardHome fake) => new(fake.Client(), NullLogger<AdGuardApplier>.Instance);

    [Fact]
    public async Task Converging_twice_against_the_documented_api_changes_nothing_the_second_time_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();

        var first = await Applier(fake).ConvergeAsync(Desired(), new AdGuardConvergeOptions());
        var changesAfterFirst = fake.Changes.Count;
        var second = await Applier(fake).ConvergeAsync(Desired(), new AdGuardConvergeOptions());

        Assert.Equal(["clients/add", "clients/add", "filtering/add_url", "filtering/add_url", "filtering/set_url", "filtering/set_rules"], fake.Changes.Take(changesAfterFirst));
        Assert.Empty(second.Applied);
        Assert.Equal(changesAfterFirst, fake.Changes.Count);
        Assert.Equal(["Ads [fos1:home/ads]", "paused [fos1:home/paused]"], fake.Filters.Select(f => f.Name));
        Assert.False(fake.Filters.Single(f => f.Name.StartsWith("paused", StringComparison.Ordinal)).Enabled);
        Assert.Equal(Desired().UserRules, fake.UserRules.Skip(1).SkipLast(1));
    }

    [Fact]
    public async Task A_foreign_filter_client_and_rule_are_left_untouched_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        fake.Filters.Add(new FilterInfo { Id = 1, Enabled = true, Url = "https://mine.example/list.txt", Name = "My list", LastUpdated = "2026-01-01T00:00:00Z" });
        fake.Clients.Add(new ClientInfo { Name = "Dad's phone", Ids = ["192.168.1.99"] });
        fake.UserRules.Add("||dad.example^");

        await Applier(fake).ConvergeAsync(Desired(), new AdGuardConvergeOptions());
        await Applier(fake).ConvergeAsync(DesiredStateBuilder.Build([], []), new AdGuardConvergeOptions());

        Assert.Equal(["My list"], fake.Filters.Select(f => f.Name));
        Assert.Equal(["Dad's phone"], fake.Clients.Select(c => c.Name));
        Assert.Equal(["||dad.example^"], fake.UserRules);
    }

    [Fact]
    public async Task Owning_everything_removes_foreign_filters_clients_and_rules_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        fake.Filters.Add(new FilterInfo { Id = 1, Enabled = true, Url = "https://mine.example/list.txt", Name = "My list" });
        fake.Clients.Add(new ClientInfo { Name = "Dad's phone", Ids = ["192.168.1.99"] });
        fake.UserRules.Add("||dad.example^");

        await Applier(fake).ConvergeAsync(DesiredStateBuilder.Build([], []), new AdGuardConvergeOptions { OwnEverything = true });

        Assert.Empty(fake.Filters);
        Assert.Empty(fake.Clients);
        Assert.Empty(fake.UserRules);
    }

    [Fact]
    public async Task An_invalid_cr_and_a_url_adguard_rejects_are_reported_while_the_rest_applies_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        var lists = Crs.SampleLists().Append(Crs.List("gone", new() { Urls = ["https://unreachable.example/list.txt"] }));

        var report = await Applier(fake).ConvergeAsync(DesiredStateBuilder.Build(lists, Crs.SampleClients()), new AdGuardConvergeOptions());

        Assert.Equal(OutcomeStatus.Invalid, report.For(new(ResourceRef.FilterListKind, "home", "broken"))!.Status);
        var rejected = report.For(new(ResourceRef.FilterListKind, "home", "gone"))!;
        Assert.Equal(OutcomeStatus.Rejected, rejected.Status);
        Assert.Equal("POST /control/filtering/add_url: 400 rejected: Couldn't fetch filter from url https://unreachable.example/list.txt: dial tcp: lookup unreachable.example: no such host", rejected.Message);
        Assert.Equal(OutcomeStatus.Applied, report.For(new(ResourceRef.FilterListKind, "home", "ads"))!.Status);
        Assert.Equal(OutcomeStatus.Applied, report.For(new(ResourceRef.ClientKind, "home", "laptop"))!.Status);
        Assert.Contains(fake.Filters, f => f.Url == "https://lists.example/ads.txt");
    }

    [Fact]
    public async Task A_client_id_held_by_a_foreign_client_is_reported_with_adguards_message_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        fake.Clients.Add(new ClientInfo { Name = "Old laptop", Ids = ["192.168.1.60"] });

        var report = await Applier(fake).ConvergeAsync(Desired(), new AdGuardConvergeOptions());

        var laptop = report.For(new(ResourceRef.ClientKind, "home", "laptop"))!;
        Assert.Equal(OutcomeStatus.Rejected, laptop.Status);
        Assert.EndsWith("another client uses the same ID (192.168.1.60)", laptop.Message, StringComparison.Ordinal);
        Assert.Equal(OutcomeStatus.Applied, report.For(new(ResourceRef.ClientKind, "home", "kids-tablet"))!.Status);
    }

    [Fact]
    public async Task A_changed_cr_updates_its_client_and_filter_in_place_and_a_deleted_one_is_removed_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        await Applier(fake).ConvergeAsync(Desired(), new AdGuardConvergeOptions());
        fake.Changes.Clear();

        var lists = Crs.SampleLists().Where(l => l.Metadata.Name != "paused").Select(l => l.Metadata.Name == "ads" ? Crs.List("ads", l.Spec! with { DisplayName = "Adverts" }) : l);
        var clients = Crs.SampleClients().Where(c => c.Metadata.Name == "laptop").Select(c => Crs.Client("laptop", c.Spec! with { DisplayName = "Work laptop", Ids = ["192.168.1.61"] }));
        await Applier(fake).ConvergeAsync(DesiredStateBuilder.Build(lists, clients), new AdGuardConvergeOptions());

        Assert.Equal(["filtering/remove_url", "clients/delete", "clients/update", "filtering/set_url", "filtering/set_rules"], fake.Changes);
        Assert.Equal(["Work laptop [fos1:home/laptop]"], fake.Clients.Select(c => c.Name));
        Assert.Equal(["192.168.1.61"], fake.Clients.Single().Ids);
        Assert.Equal(["Adverts [fos1:home/ads]"], fake.Filters.Select(f => f.Name));
    }

    [Fact]
    public async Task Upstreams_and_the_update_interval_are_converged_when_configured_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        var options = new AdGuardConvergeOptions { Upstreams = ["tls://1.1.1.1"], FiltersUpdateIntervalHours = 12 };

        await Applier(fake).ConvergeAsync(Desired(), options);
        var second = await Applier(fake).ConvergeAsync(Desired(), options);

        Assert.Equal(["tls://1.1.1.1"], fake.Upstreams);
        Assert.Equal(12, fake.Interval);
        Assert.Empty(second.Applied);
    }

    [Fact]
    public async Task Bad_credentials_fail_with_401_and_adguards_text_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();

        var error = await Assert.ThrowsAsync<AdGuardApiException>(() => fake.Client("wrong").GetFilteringStatusAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthorized", error.ErrorText);
    }

    [Fact]
    public async Task Duplicate_url_and_unknown_client_are_400_with_adguards_text_adguard_home_not_installable_here()
    {
        await using var fake = await FakeAdGuardHome.StartAsync();
        var api = fake.Client();
        await api.AddUrlAsync("A", "https://lists.example/a.txt", whitelist: false);

        var duplicate = await Assert.ThrowsAsync<AdGuardApiException>(() => api.AddUrlAsync("A", "https://lists.example/a.txt", whitelist: false));
        var unknown = await Assert.ThrowsAsync<AdGuardApiException>(() => api.DeleteClientAsync("nobody"));

        Assert.Equal((HttpStatusCode.BadRequest, "Filter URL already added -- https://lists.example/a.txt"), (duplicate.StatusCode, duplicate.ErrorText));
        Assert.Equal((HttpStatusCode.BadRequest, "Client not found"), (unknown.StatusCode, unknown.ErrorText));
    }
}
