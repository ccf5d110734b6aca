namespace Fos1.Ddns.Tests.Owners;

public sealed class ClientIdentityTests
{
    // RFC 4701 section 3.6 prints each expected DHCID RDATA in base64.
    [Fact]
    public void Rfc4701_example_3_6_1_duid_gives_the_published_dhcid()
    {
        var identity = ClientIdentity.FromDuid(Convert.FromHexString("00010006412DF166010203040506"));

        var dhcid = identity.ComputeDhcid(DnsName.Parse("chi6.example.com"));

        Assert.Equal("AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=", dhcid.ToString());
        Assert.Equal(0x0002, dhcid.IdentifierType);
        Assert.Equal(1, dhcid.DigestType);
    }

    [Fact]
    public void Rfc4701_example_3_6_2_client_identifier_gives_the_published_dhcid()
    {
        var identity = ClientIdentity.FromClientIdentifier([0x01, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c]);

        var dhcid = identity.ComputeDhcid(DnsName.Parse("chi.example.com"));

        Assert.Equal("AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=", dhcid.ToString());
    }

    [Fact]
    public void Rfc4701_example_3_6_3_hardware_address_gives_the_published_dhcid()
    {
        var identity = ClientIdentity.FromHardwareAddress(1, [0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);

        var dhcid = identity.ComputeDhcid(DnsName.Parse("client.example.com"));

        Assert.Equal("AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=", dhcid.ToString());
    }

    // The Kea vectors below were captured once by hand from real Kea 2.2.0 (Debian 12): kea-dhcp4/6 ran
    // in a network namespace joined by a veth pair to a client namespace, with "dhcp-ddns" enable-updates
    // true to 127.0.0.1:53001, ddns-replace-client-name "always" (client 3: "never"), generated-prefix
    // "host", qualifying-suffix "home.arpa."; a python listener in the server namespace caught the NCR
    // datagram (2-byte length + JSON) and the lease file gave the identifiers. Clients: perfdhcp -4 (a
    // relay), perfdhcp -6, and a hand-made relayed DHCPv4 client for the RFC 4361 client-id.
    [Fact]
    public void Kea_dhcp4_client_identifier_dhcid_is_reproduced()
    {
        // perfdhcp -4 -l 192.0.2.2 -r 1 -R 1 -n 1 -W 2000000 192.0.2.1: chaddr 00:0c:01:02:03:04, client-id 01:00:0c:01:02:03:04.
        var identity = ClientIdentity.FromClientIdentifier(Convert.FromHexString("01000C01020304"));

        var dhcid = identity.ComputeDhcid(DnsName.Parse("host-192-0-2-100.home.arpa."));

        Assert.Equal("000101002DF65F801CB20551709905A87EB537D5181922C85118BF0B0FCAB455C5F237", dhcid.ToHex());
    }

    [Fact]
    public void Kea_dhcp4_hardware_address_dhcid_is_reproduced()
    {
        // Same client with "match-client-id": false, so Kea keeps no client-id and hashes htype + chaddr.
        // The digest equals the client-id one because 01 + MAC is the same octet string; only the type differs.
        var identity = ClientIdentity.FromHardwareAddress(1, Convert.FromHexString("000C01020304"));

        var dhcid = identity.ComputeDhcid(DnsName.Parse("host-192-0-2-100.home.arpa."));

        Assert.Equal("000001002DF65F801CB20551709905A87EB537D5181922C85118BF0B0FCAB455C5F237", dhcid.ToHex());
    }

    [Fact]
    public void Kea_dhcp4_rfc4361_client_identifier_is_hashed_as_the_duid_after_type_and_iaid()
    {
        // Client-id ff | IAID 00000001 | DUID 0001 0001 aabbccddee112233, hostname option "MixedCase";
        // Kea sent fqdn "mixedcase.home.arpa." and a type-2 DHCID over the DUID alone.
        var identity = ClientIdentity.FromClientIdentifier(Convert.FromHexString("FF0000000100010001AABBCCDDEE112233"));

        var dhcid = identity.ComputeDhcid(DnsName.Parse("mixedcase.home.arpa."));

        Assert.Equal(DhcidIdentifierType.Duid, identity.Type);
        Assert.Equal(Convert.FromHexString("00010001AABBCCDDEE112233"), identity.Identifier.ToArray());
        Assert.Equal("000201707BF513E7D33905E860F118DE2D89AC1DB47B2D562CBF1939BAB0B0EE9DE6D4", dhcid.ToHex());
    }

    [Fact]
    public void Kea_dhcp6_duid_dhcid_is_reproduced()
    {
        // perfdhcp -6 -l vcli -r 1 -R 1 -n 1 -W 2000000: DUID-LLT 00:01:00:01:32:9e:35:c3:00:0c:01:02:03:04.
        var identity = ClientIdentity.FromDuid(Convert.FromHexString("00010001329E35C3000C01020304"));

        var dhcid = identity.ComputeDhcid(DnsName.Parse("host-2001-db8--100.home.arpa."));

        Assert.Equal("00020111CC8807E116B3590B4ED358E4C85D05687E8910EC7FF4E456A0D6197EB59C63", dhcid.ToHex());
    }

    [Fact]
    public void A_dual_stack_client_owns_its_name_with_one_dhcid_over_dhcpv4_and_dhcpv6()
    {
        var duid = Convert.FromHexString("00010001AABBCCDDEE112233");
        var fqdn = DnsName.Parse("laptop.home.arpa");

        var overV4 = ClientIdentity.FromClientIdentifier([0xFF, 0, 0, 0, 1, .. duid]).ComputeDhcid(fqdn);
        var overV6 = ClientIdentity.FromDuid(duid).ComputeDhcid(fqdn);

        Assert.Equal(overV6, overV4);
    }

    [Fact]
    public void The_digest_ignores_letter_case_and_the_trailing_dot_of_the_fqdn()
    {
        var identity = ClientIdentity.FromHardwareAddress(1, [1, 2, 3, 4, 5, 6]);

        Assert.Equal(
            identity.ComputeDhcid(DnsName.Parse("client.example.com")),
            identity.ComputeDhcid(DnsName.Parse("Client.EXAMPLE.com.")));
    }

    [Fact]
    public void Different_names_of_one_client_have_different_dhcids()
    {
        var identity = ClientIdentity.FromHardwareAddress(1, [1, 2, 3, 4, 5, 6]);

        Assert.NotEqual(
            identity.ComputeDhcid(DnsName.Parse("a.example.com")),
            identity.ComputeDhcid(DnsName.Parse("b.example.com")));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("FF", "no DUID follows")]
    [InlineData("FF00000001", "no DUID follows")]
    public void A_client_identifier_without_content_is_rejected_with_the_reason(string hex, string reason)
    {
        Assert.False(ClientIdentity.TryFromClientIdentifier(Convert.FromHexString(hex), out var identity, out var error));
        Assert.Null(identity);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rfc4361_client_identifier_with_a_too_long_duid_is_rejected()
    {
        byte[] longest = [0xFF, 0, 0, 0, 1, .. new byte[ClientIdentity.MaxDuidLength]];
        byte[] tooLong = [.. longest, 0];

        Assert.True(ClientIdentity.TryFromClientIdentifier(longest, out _, out _));
        var thrown = Assert.Throws<ArgumentException>(() => ClientIdentity.FromClientIdentifier(tooLong));
        Assert.Contains("exceeds 130 octets", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_octet_rfc4361_duid_is_accepted_as_kea_does()
    {
        Assert.True(ClientIdentity.TryFromClientIdentifier([0xFF, 0, 0, 0, 1, 0x42], out var identity, out _));
        Assert.Equal([0x42], identity.Identifier.ToArray());
    }

    [Fact]
    public void Empty_hardware_addresses_and_duids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClientIdentity.FromHardwareAddress(1, []));
        Assert.Throws<ArgumentException>(() => ClientIdentity.FromDuid([]));
        Assert.Throws<ArgumentException>(() => ClientIdentity.FromDuid(new byte[ClientIdentity.MaxDuidLength + 1]));
    }

    [Fact]
    public void Identities_compare_by_type_and_octets()
    {
        Assert.Equal(ClientIdentity.FromDuid([1, 2]), ClientIdentity.FromDuid([1, 2]));
        Assert.NotEqual(ClientIdentity.FromDuid([1, 2]), ClientIdentity.FromClientIdentifier([1, 2]));
        Assert.Equal("HardwareAddress 01:00:0c:01:02:03:04", ClientIdentity.FromHardwareAddress(1, [0, 0x0c, 1, 2, 3, 4]).ToString());
    }
}
