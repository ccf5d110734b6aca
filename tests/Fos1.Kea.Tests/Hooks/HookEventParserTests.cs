using System.Net;
using System.Text;
using Fos1.Ddns.Leases;
using Fos1.Kea.Hooks;

namespace Fos1.Kea.Tests.Hooks;

public sealed class HookEventParserTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_915_200);

    private static IReadOnlyList<LeaseEvent> Events(byte[] file)
    {
        var result = HookEventParser.Parse(file, Now);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Events;
    }

    private static HookParseError Error(byte[] file)
    {
        var result = HookEventParser.Parse(file, Now);
        Assert.False(result.IsSuccess);
        return result.Error;
    }

    private static byte[] Hex(string colonHex) => Convert.FromHexString(colonHex.Replace(":", "", StringComparison.Ordinal));

    [Fact]
    public void Leases4_committed_for_a_DHCPREQUEST_is_one_committed_v4_lease_with_every_field_Kea_exported()
    {
        var leaseEvent = Assert.Single(Events(HookFixtures.Read("v4-leases4_committed.event")));

        Assert.Equal(LeaseEventKind.Committed, leaseEvent.Kind);
        Assert.Equal(LeaseSource.HookSpool, leaseEvent.Source);
        Assert.Equal(Now, leaseEvent.ObservedAt);
        var lease = leaseEvent.Lease;
        Assert.Equal(IPAddress.Parse("192.0.2.100"), lease.Address);
        Assert.Equal(LeaseType.V4, lease.Type);
        Assert.Equal(1, lease.HardwareType);
        Assert.Equal(Hex("00:0c:01:02:03:04"), lease.HardwareAddress);
        Assert.Equal(Hex("01:00:0c:01:02:03:04"), lease.ClientId);
        Assert.Null(lease.Duid);
        Assert.Equal("laptopone.home.arpa", lease.Hostname);
        Assert.True(lease.ForwardDns && lease.ReverseDns);
        Assert.Equal(4u, lease.ValidLifetime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_915_127 + 4), lease.Expires);
        Assert.Equal(1u, lease.SubnetId);
    }

    [Fact]
    public void Lease4_renew_counts_only_for_a_DHCPREQUEST_because_Kea_also_fires_it_for_a_DHCPDISCOVER()
    {
        var request = Assert.Single(Events(HookFixtures.Read("v4-lease4_renew-request.event")));
        var discover = HookEventParser.Parse(HookFixtures.Read("v4-lease4_renew-discover.event"), Now);

        Assert.Equal(LeaseEventKind.Committed, request.Kind);
        Assert.Equal(IPAddress.Parse("192.0.2.100"), request.Lease.Address);
        Assert.True(discover.IsSuccess);
        Assert.Equal("lease4_renew", discover.HookPoint);
        Assert.Empty(discover.Events);
    }

    [Fact]
    public void A_v4_release_arrives_as_lease4_release_and_as_leases4_committed_with_a_deleted_lease()
    {
        var released = Assert.Single(Events(HookFixtures.Read("v4-lease4_release.event")));
        var deleted = Assert.Single(Events(HookFixtures.Read("v4-leases4_committed-release.event")));

        Assert.Equal(LeaseEventKind.Released, released.Kind);
        Assert.Equal(LeaseEventKind.Deleted, deleted.Kind);
        Assert.Equal(released.Lease.Address, deleted.Lease.Address);
        Assert.Equal("laptopone.home.arpa", deleted.Lease.Hostname);
        Assert.False(released.LeaseIsActive || deleted.LeaseIsActive);
    }

    [Fact]
    public void Lease4_expire_is_an_expired_lease()
    {
        var expired = Assert.Single(Events(HookFixtures.Read("v4-lease4_expire.event")));

        Assert.Equal(LeaseEventKind.Expired, expired.Kind);
        Assert.Equal(IPAddress.Parse("192.0.2.100"), expired.Lease.Address);
    }

    [Fact]
    public void Lease4_decline_is_a_declined_lease()
    {
        var file = HookFixtures.Edit(
            "v4-lease4_release.event", ("FOS1_HOOK_POINT", "lease4_decline"), ("QUERY4_TYPE", "DHCPDECLINE"), ("LEASE4_STATE", "declined"));

        Assert.Equal(LeaseEventKind.Declined, Assert.Single(Events(file)).Kind);
    }

    [Fact]
    public void Lease4_recover_is_a_deletion_because_Kea_fires_it_when_a_declined_address_returns_to_the_pool()
    {
        var file = HookFixtures.Edit(
            "v4-lease4_expire.event", ("FOS1_HOOK_POINT", "lease4_recover"), ("REMOVE_LEASE", null), ("LEASE4_STATE", "declined"), ("LEASE4_HOSTNAME", ""));

        var recovered = Assert.Single(Events(file));

        Assert.Equal(LeaseEventKind.Deleted, recovered.Kind);
        Assert.Null(recovered.Lease.Hostname);
    }

    [Fact]
    public void Leases4_committed_reports_deleted_leases_before_committed_ones()
    {
        var file = HookFixtures.Edit(
            "v4-leases4_committed.event",
            ("DELETED_LEASES4_SIZE", "1"),
            ("DELETED_LEASES4_AT0_ADDRESS", "192.0.2.150"),
            ("DELETED_LEASES4_AT0_CLTT", "1795915000"),
            ("DELETED_LEASES4_AT0_HOSTNAME", "laptopone.home.arpa"),
            ("DELETED_LEASES4_AT0_HWADDR", "00:0c:01:02:03:04"),
            ("DELETED_LEASES4_AT0_HWADDR_TYPE", "1"),
            ("DELETED_LEASES4_AT0_STATE", "default"),
            ("DELETED_LEASES4_AT0_SUBNET_ID", "1"),
            ("DELETED_LEASES4_AT0_VALID_LIFETIME", "4"),
            ("DELETED_LEASES4_AT0_CLIENT_ID", "01:00:0c:01:02:03:04"));

        var events = Events(file);

        Assert.Equal([LeaseEventKind.Deleted, LeaseEventKind.Committed], events.Select(e => e.Kind));
        Assert.Equal([IPAddress.Parse("192.0.2.150"), IPAddress.Parse("192.0.2.100")], events.Select(e => e.Lease.Address));
    }

    [Fact]
    public void A_committed_lease_that_is_declined_or_reclaimed_or_has_no_lifetime_is_not_reported_as_active()
    {
        var declined = Events(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_STATE", "declined")));
        var reclaimed = Events(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_STATE", "expired-reclaimed")));
        var zero = Events(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_VALID_LIFETIME", "0")));

        Assert.Equal(LeaseEventKind.Declined, Assert.Single(declined).Kind);
        Assert.Equal(LeaseEventKind.Expired, Assert.Single(reclaimed).Kind);
        Assert.Equal(LeaseEventKind.Deleted, Assert.Single(zero).Kind);
    }

    [Fact]
    public void Leases6_committed_gives_one_event_per_IA_with_the_DUID_and_the_prefix_delegation_marked_as_such()
    {
        var events = Events(HookFixtures.Read("v6-leases6_committed-na-pd.event"));

        Assert.Equal(2, events.Count);
        var address = events[0].Lease;
        var prefix = events[1].Lease;
        Assert.All(events, e => Assert.Equal(LeaseEventKind.Committed, e.Kind));
        Assert.Equal(IPAddress.Parse("2001:db8:1::100"), address.Address);
        Assert.Equal(LeaseType.IaNa, address.Type);
        Assert.Equal(Hex("00:01:00:01:32:9e:3a:01:00:0c:01:02:03:04"), address.Duid);
        Assert.Null(address.ClientId);
        Assert.Equal(Hex("00:0c:01:02:03:04"), address.HardwareAddress);
        Assert.Equal(1u, address.Iaid);
        Assert.Null(address.Hostname);
        Assert.Equal(6u, address.ValidLifetime);
        Assert.Equal(IPAddress.Parse("2001:db8:8000::"), prefix.Address);
        Assert.Equal(LeaseType.IaPd, prefix.Type);
    }

    [Fact]
    public void Lease6_renew_and_rebind_count_for_RENEW_and_REBIND_but_not_for_a_SOLICIT()
    {
        var renew = Assert.Single(Events(HookFixtures.Read("v6-lease6_renew-na.event")));
        var renewPrefix = Assert.Single(Events(HookFixtures.Read("v6-lease6_renew-pd.event")));
        var rebind = Assert.Single(Events(HookFixtures.Edit("v6-lease6_renew-na.event", ("FOS1_HOOK_POINT", "lease6_rebind"), ("QUERY6_TYPE", "REBIND"))));
        var solicit = Events(HookFixtures.Edit("v6-lease6_renew-na.event", ("QUERY6_TYPE", "SOLICIT")));

        Assert.Equal((LeaseEventKind.Committed, LeaseType.IaNa), (renew.Kind, renew.Lease.Type));
        Assert.Equal((LeaseEventKind.Committed, LeaseType.IaPd), (renewPrefix.Kind, renewPrefix.Lease.Type));
        Assert.Equal(LeaseEventKind.Committed, rebind.Kind);
        Assert.Empty(solicit);
    }

    [Fact]
    public void V6_release_expire_decline_and_recover_end_the_lease()
    {
        var release = Assert.Single(Events(HookFixtures.Read("v6-lease6_release-na.event")));
        var committedRelease = Events(HookFixtures.Read("v6-leases6_committed-release.event"));
        var expire = Assert.Single(Events(HookFixtures.Read("v6-lease6_expire-na.event")));
        var decline = Assert.Single(Events(HookFixtures.Edit("v6-lease6_release-na.event", ("FOS1_HOOK_POINT", "lease6_decline"), ("QUERY6_TYPE", "DECLINE"))));
        var recover = Assert.Single(Events(HookFixtures.Edit("v6-lease6_expire-na.event", ("FOS1_HOOK_POINT", "lease6_recover"), ("REMOVE_LEASE", null))));

        Assert.Equal(LeaseEventKind.Released, release.Kind);
        Assert.Equal(IPAddress.Parse("2001:db8:1::100"), release.Lease.Address);
        Assert.Equal([(LeaseEventKind.Deleted, LeaseType.IaNa), (LeaseEventKind.Deleted, LeaseType.IaPd)], committedRelease.Select(e => (e.Kind, e.Lease.Type)));
        Assert.Equal((LeaseEventKind.Expired, IPAddress.Parse("2001:db8:1::104")), (expire.Kind, expire.Lease.Address));
        Assert.Equal(LeaseEventKind.Declined, decline.Kind);
        Assert.Equal(LeaseEventKind.Deleted, recover.Kind);
    }

    [Fact]
    public void An_IA_TA_lease_is_a_temporary_address()
    {
        var lease = Assert.Single(Events(HookFixtures.Edit("v6-lease6_expire-na.event", ("LEASE6_TYPE", "IA_TA")))).Lease;

        Assert.Equal(LeaseType.IaTa, lease.Type);
    }

    [Fact]
    public void A_host_name_with_a_newline_survives_because_entries_are_NUL_separated()
    {
        var lease = Assert.Single(Events(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_HOSTNAME", "evil\nLEASES4_AT0_ADDRESS=10.0.0.1")))).Lease;

        Assert.Equal("evil\nLEASES4_AT0_ADDRESS=10.0.0.1", lease.Hostname);
        Assert.Equal(IPAddress.Parse("192.0.2.100"), lease.Address);
    }

    [Fact]
    public void An_infinite_valid_lifetime_never_expires()
    {
        var lease = Assert.Single(Events(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_VALID_LIFETIME", "4294967295")))).Lease;

        Assert.Equal(DateTimeOffset.MaxValue, lease.Expires);
    }

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        Assert.Equal(HookParseErrorKind.Empty, Error([]).Kind);
    }

    [Fact]
    public void A_file_cut_short_is_refused_as_truncated()
    {
        var file = HookFixtures.Read("v4-leases4_committed.event");

        Assert.Equal(HookParseErrorKind.Truncated, Error(file[..^1]).Kind);
    }

    [Fact]
    public void A_file_that_is_not_env_output_is_refused_as_malformed()
    {
        var error = Error(Encoding.UTF8.GetBytes("hello world\0"));

        Assert.Equal(HookParseErrorKind.Malformed, error.Kind);
        Assert.Contains("hello world", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_known_hook_point_is_refused()
    {
        var missing = Error(HookFixtures.Edit("v4-lease4_expire.event", ("FOS1_HOOK_POINT", null)));
        var unknown = HookEventParser.Parse(HookFixtures.Edit("v4-lease4_expire.event", ("FOS1_HOOK_POINT", "pkt4_receive")), Now);

        Assert.Equal(HookParseErrorKind.UnknownHookPoint, missing.Kind);
        Assert.Equal(HookParseErrorKind.UnknownHookPoint, unknown.Error!.Kind);
        Assert.Equal("pkt4_receive", unknown.HookPoint);
    }

    [Fact]
    public void A_file_of_a_future_spool_format_is_refused()
    {
        var error = Error(HookFixtures.Edit("v4-lease4_expire.event", ("FOS1_SPOOL_FORMAT", "2")));

        Assert.Equal(HookParseErrorKind.UnsupportedFormat, error.Kind);
    }

    [Fact]
    public void A_missing_variable_is_named_in_the_error()
    {
        var error = Error(HookFixtures.Edit("v4-leases4_committed.event", ("LEASES4_AT0_ADDRESS", null)));

        Assert.Equal(new HookParseError(HookParseErrorKind.MissingVariable, "LEASES4_AT0_ADDRESS is missing"), error);
    }

    [Theory]
    [InlineData("LEASE4_ADDRESS", "192.0.2.300")]
    [InlineData("LEASE4_VALID_LIFETIME", "-1")]
    [InlineData("LEASE4_CLTT", "yesterday")]
    [InlineData("LEASE4_HWADDR", "00:0c:zz")]
    [InlineData("LEASE4_CLIENT_ID", "01::02")]
    [InlineData("LEASE4_HWADDR_TYPE", "256")]
    public void A_value_Kea_would_not_write_is_refused_with_the_variable_named(string variable, string value)
    {
        var error = Error(HookFixtures.Edit("v4-lease4_expire.event", (variable, value)));

        Assert.Equal(HookParseErrorKind.BadValue, error.Kind);
        Assert.StartsWith(variable + "=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_v6_lease_type_is_refused()
    {
        Assert.Equal(HookParseErrorKind.BadValue, Error(HookFixtures.Edit("v6-lease6_expire-na.event", ("LEASE6_TYPE", "V4"))).Kind);
    }

    [Fact]
    public void Every_captured_fixture_parses()
    {
        foreach (var path in Directory.EnumerateFiles(HookFixtures.Directory(), "*.event"))
        {
            var result = HookEventParser.Parse(File.ReadAllBytes(path), Now);

            Assert.True(result.IsSuccess, $"{Path.GetFileName(path)}: {result.Error}");
        }
    }
}
