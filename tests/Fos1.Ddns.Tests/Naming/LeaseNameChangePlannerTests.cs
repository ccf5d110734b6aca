using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Ddns.Naming;

namespace Fos1.Ddns.Tests.Naming;

public sealed class LeaseNameChangePlannerTests
{
    private static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1_795_918_727);
    private static readonly byte[] Mac = Convert.FromHexString("000c01020304");
    private static readonly byte[] Duid = Convert.FromHexString("000100014719a7f1000cc24a8ab2");

    private static readonly HostNamer Namer = new(new HostNamingOptions { QualifyingSuffix = DnsName.Parse("home.arpa") });

    private static Lease V4(string? hostname = "laptop", byte[]? clientId = null, byte[]? mac = null, uint lifetime = 3600) =>
        new(IPAddress.Parse("192.0.2.10"), LeaseType.V4, 1, mac ?? Mac, clientId, null, 0, hostname, true, true, lifetime, Expires, 1);

    private static Lease V6(string? hostname = "laptop", LeaseType type = LeaseType.IaNa, byte[]? duid = null, byte[]? mac = null) =>
        new(IPAddress.Parse("2001:db8:1::100"), type, mac is null ? (byte)0 : (byte)1, mac, null, duid ?? Duid, 1, hostname, true, true, 3600, Expires, 1);

    private static LeaseEvent Event(LeaseEventKind kind, Lease lease) => new(kind, lease, LeaseSource.HookSpool, DateTimeOffset.UnixEpoch);

    private static LeaseNamePlan Plan(LeaseEvent leaseEvent, LeasePlanningOptions? options = null) =>
        new LeaseNameChangePlanner(Namer, options).Plan(leaseEvent);

    [Fact]
    public void A_committed_lease_is_an_add_owned_by_the_client_id_with_a_third_of_the_lifetime_as_TTL()
    {
        // RFC 4701 section 3.6.2's client-id, so the digest is a published vector for this FQDN's computation.
        var clientId = Convert.FromHexString("010708090a0b0c");

        var plan = Plan(Event(LeaseEventKind.Committed, V4(clientId: clientId)));

        var fqdn = DnsName.Parse("laptop.home.arpa");
        Assert.Equal(
            new NameChange(NameChangeKind.Add, true, true, fqdn, IPAddress.Parse("192.0.2.10"),
                ClientIdentity.FromClientIdentifier(clientId).ComputeDhcid(fqdn), 1200, true, Expires),
            plan.Change);
        Assert.Equal((ushort)DhcidIdentifierType.ClientIdentifier, plan.Change!.Dhcid.IdentifierType);
        Assert.Equal(HostNameOutcome.Qualified, plan.Naming!.Outcome);
    }

    [Fact]
    public void The_DHCIDs_equal_the_RFC_4701_examples_for_client_id_hardware_address_and_DUID()
    {
        var byClientId = Plan(Event(LeaseEventKind.Committed, V4("chi.example.com.", clientId: Convert.FromHexString("010708090a0b0c"))));
        var byMac = Plan(Event(LeaseEventKind.Committed, V4("client.example.com.", mac: Convert.FromHexString("010203040506"))));
        var byDuid = Plan(Event(LeaseEventKind.Committed, V6("chi6.example.com.", duid: Convert.FromHexString("00010006412DF166010203040506"))));

        Assert.Equal("AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=", byClientId.Change!.Dhcid.ToString());
        Assert.Equal("AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=", byMac.Change!.Dhcid.ToString());
        Assert.Equal("AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=", byDuid.Change!.Dhcid.ToString());
    }

    [Theory]
    [InlineData(LeaseEventKind.Released)]
    [InlineData(LeaseEventKind.Expired)]
    [InlineData(LeaseEventKind.Declined)]
    [InlineData(LeaseEventKind.Deleted)]
    public void An_ended_lease_is_a_remove_of_exactly_what_its_add_wrote(LeaseEventKind kind)
    {
        var add = Plan(Event(LeaseEventKind.Committed, V4())).Change!;

        var remove = Plan(Event(kind, V4())).Change!;

        Assert.Equal(add with { Kind = NameChangeKind.Remove }, remove);
    }

    [Fact]
    public void Without_a_client_id_the_hardware_address_owns_the_name()
    {
        var plan = Plan(Event(LeaseEventKind.Committed, V4()));

        Assert.Equal(ClientIdentity.FromHardwareAddress(1, Mac).ComputeDhcid(DnsName.Parse("laptop.home.arpa")), plan.Change!.Dhcid);
    }

    [Fact]
    public void A_v6_address_is_owned_by_the_DUID_and_a_delegated_prefix_gets_nothing()
    {
        var address = Plan(Event(LeaseEventKind.Committed, V6(mac: Mac)));
        var prefix = Plan(Event(LeaseEventKind.Committed, V6(type: LeaseType.IaPd)));
        var temporary = Plan(Event(LeaseEventKind.Committed, V6(type: LeaseType.IaTa)));

        Assert.Equal(ClientIdentity.FromDuid(Duid).ComputeDhcid(DnsName.Parse("laptop.home.arpa")), address.Change!.Dhcid);
        Assert.Equal(LeaseSkipReason.PrefixDelegation, prefix.Skipped);
        Assert.Null(prefix.Change);
        Assert.NotNull(temporary.Change);
    }

    [Fact]
    public void A_lease_without_a_name_gets_the_generated_one_and_a_denied_name_gets_no_change()
    {
        var unnamed = Plan(Event(LeaseEventKind.Committed, V4(hostname: null)));
        var denied = Plan(Event(LeaseEventKind.Committed, V4(hostname: "wpad")));

        Assert.Equal(DnsName.Parse("myhost-192-0-2-10.home.arpa"), unnamed.Change!.Fqdn);
        Assert.Equal(LeaseSkipReason.NoName, denied.Skipped);
        Assert.Equal("the name wpad.home.arpa. is on the deny list", denied.Detail);
    }

    [Fact]
    public void A_lease_without_any_client_identity_gets_no_change()
    {
        var lease = V4() with { HardwareAddress = null, ClientId = null };

        Assert.Equal(LeaseSkipReason.NoClientIdentity, Plan(Event(LeaseEventKind.Committed, lease)).Skipped);
    }

    [Fact]
    public void Forward_and_reverse_follow_the_options_and_with_honouring_also_the_lease_flags()
    {
        var lease = V4() with { ForwardDns = false };
        var reverseOnly = Plan(Event(LeaseEventKind.Committed, V4()), new LeasePlanningOptions { ForwardUpdates = false });
        var honoured = Plan(Event(LeaseEventKind.Committed, lease), new LeasePlanningOptions { HonourLeaseDnsFlags = true });
        var ignored = Plan(Event(LeaseEventKind.Committed, lease));
        var neither = Plan(Event(LeaseEventKind.Committed, V4()), new LeasePlanningOptions { ForwardUpdates = false, ReverseUpdates = false });

        Assert.Equal((false, true), (reverseOnly.Change!.Forward, reverseOnly.Change.Reverse));
        Assert.Equal((false, true), (honoured.Change!.Forward, honoured.Change.Reverse));
        Assert.Equal((true, true), (ignored.Change!.Forward, ignored.Change.Reverse));
        Assert.Equal(LeaseSkipReason.NoUpdatesWanted, neither.Skipped);
    }

    [Theory]
    [InlineData(3600u, 1200u)]
    [InlineData(4000u, 1333u)]
    [InlineData(1800u, 600u)]
    [InlineData(600u, 600u)]
    [InlineData(100u, 600u)]
    [InlineData(uint.MaxValue, 86_400u)]
    public void The_TTL_is_what_Kea_sends_a_third_of_the_lifetime_at_least_600_s_capped_at_a_day(uint lifetime, uint ttl)
    {
        Assert.Equal(ttl, TtlPolicy.Default.For(lifetime));
    }

    [Fact]
    public void The_TTL_policy_clamps_to_its_minimum_and_takes_another_fraction()
    {
        var policy = new TtlPolicy { LeaseFraction = 0.5, Minimum = 60, Maximum = 600 };

        Assert.Equal((60u, 150u, 600u), (policy.For(100), policy.For(300), policy.For(5000)));
        Assert.Throws<InvalidOperationException>(() => new TtlPolicy { LeaseFraction = 0 }.For(100));
    }

    [Fact]
    public void Dual_stack_a_client_with_an_RFC_4361_client_id_owns_its_name_with_one_DHCID_from_both_families()
    {
        // Type 255, IAID 1, then the same DUID the client uses over DHCPv6.
        var clientId = Convert.FromHexString("ff00000001").Concat(Duid).ToArray();

        var a = Plan(Event(LeaseEventKind.Committed, V4(clientId: clientId))).Change!;
        var aaaa = Plan(Event(LeaseEventKind.Committed, V6())).Change!;

        Assert.Equal(a.Fqdn, aaaa.Fqdn);
        Assert.Equal(a.Dhcid, aaaa.Dhcid);
        Assert.Equal((ushort)DhcidIdentifierType.Duid, a.Dhcid.IdentifierType);
    }

    [Fact]
    public void Dual_stack_by_client_identifier_gives_other_clients_two_owners_so_the_second_family_meets_a_conflict()
    {
        var a = Plan(Event(LeaseEventKind.Committed, V4(clientId: Convert.FromHexString("01000c01020304")))).Change!;
        var aaaa = Plan(Event(LeaseEventKind.Committed, V6(mac: Mac))).Change!;

        Assert.Equal(a.Fqdn, aaaa.Fqdn);
        Assert.NotEqual(a.Dhcid, aaaa.Dhcid);
    }

    [Fact]
    public void Dual_stack_by_hardware_address_gives_both_families_one_owner_when_the_MACs_match()
    {
        var options = new LeasePlanningOptions { DualStack = DualStackOwnership.HardwareAddress };

        var a = Plan(Event(LeaseEventKind.Committed, V4(clientId: Convert.FromHexString("01000c01020304"))), options).Change!;
        var aaaa = Plan(Event(LeaseEventKind.Committed, V6(mac: Mac)), options).Change!;
        var aaaaWithoutMac = Plan(Event(LeaseEventKind.Committed, V6()), options).Change!;

        Assert.Equal(a.Dhcid, aaaa.Dhcid);
        Assert.Equal((ushort)DhcidIdentifierType.HardwareAddress, a.Dhcid.IdentifierType);
        Assert.Equal(ClientIdentity.FromDuid(Duid).ComputeDhcid(aaaa.Fqdn), aaaaWithoutMac.Dhcid);
    }
}
