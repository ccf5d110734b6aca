using Fos1.Dns.Server.Messages;

namespace Fos1.Dns.Server.Tests.Messages;

public sealed class DnsRequestParserTests
{
    // UPDATE id 0x1234, zone home.arpa SOA IN; one update: host.home.arpa 3600 IN PTR www.home.arpa, with
    // the owner and the PTR target both compressed against the zone name at offset 12.
    private static readonly byte[] CompressedUpdate =
    [
        0x12, 0x34, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
        0x04, (byte)'h', (byte)'o', (byte)'m', (byte)'e', 0x04, (byte)'a', (byte)'r', (byte)'p', (byte)'a', 0x00, 0x00, 0x06, 0x00, 0x01,
        0x04, (byte)'H', (byte)'o', (byte)'s', (byte)'t', 0xC0, 0x0C, 0x00, 0x0C, 0x00, 0x01, 0x00, 0x00, 0x0E, 0x10, 0x00, 0x06,
        0x03, (byte)'W', (byte)'w', (byte)'w', 0xC0, 0x0C,
    ];

    [Fact]
    public void An_update_is_read_with_names_in_owner_and_rdata_decompressed_and_spelling_kept()
    {
        var result = DnsRequestParser.Parse(CompressedUpdate);

        Assert.True(result.IsValid, result.Error);
        var message = result.Message;
        Assert.Equal(new DnsHeader(0x1234, 0x2800, 1, 0, 1, 0), message.Header);
        Assert.Equal(DnsOpcode.Update, message.Header.Opcode);
        var request = message.ToUpdateRequest();
        var zone = Assert.Single(request.Zone);
        Assert.Equal((DnsName.Parse("home.arpa"), (ushort)6, (ushort)1), (zone.Name, zone.Type, zone.Class));
        Assert.Empty(request.Prerequisites);
        var update = Assert.Single(request.Updates);
        Assert.Equal("Host.home.arpa", update.Name.Text);
        Assert.Equal((12, 1, 3600u), (update.Type, update.Class, update.Ttl));
        byte[] expectedRdata = [0x03, (byte)'W', (byte)'w', (byte)'w', 0x04, (byte)'h', (byte)'o', (byte)'m', (byte)'e', 0x04, (byte)'a', (byte)'r', (byte)'p', (byte)'a', 0x00];
        Assert.Equal(expectedRdata, update.Rdata.ToArray());
        Assert.Null(message.Tsig);
    }

    [Fact]
    public void Soa_rdata_has_both_names_decompressed_and_its_timers_kept()
    {
        byte[] message =
        [
            0x00, 0x01, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
            0x01, (byte)'z', 0x00, 0x00, 0x06, 0x00, 0x01,
            0xC0, 0x0C, 0x00, 0x06, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x1B,
            0x02, (byte)'n', (byte)'s', 0xC0, 0x0C, 0xC0, 0x0C, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        ];

        var result = DnsRequestParser.Parse(message);

        Assert.True(result.IsValid, result.Error);
        byte[] expected = [0x02, (byte)'n', (byte)'s', 0x01, (byte)'z', 0x00, 0x01, (byte)'z', 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
        Assert.Equal(expected, result.Message.Authority[0].Rdata.ToArray());
    }

    [Fact]
    public void A_delete_without_rdata_is_read_with_empty_rdata()
    {
        byte[] message =
        [
            0x00, 0x02, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
            0x01, (byte)'z', 0x00, 0x00, 0x06, 0x00, 0x01,
            0xC0, 0x0C, 0x00, 0x05, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];

        var update = Assert.Single(DnsRequestParser.Parse(message).Message!.Authority);

        Assert.Equal((5, 255, 0), (update.Type, update.Class, update.Rdata.Length));
    }

    [Fact]
    public void An_owner_name_pointing_at_itself_is_a_format_error()
    {
        byte[] message = [0x00, 0x03, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x0C, 0x00, 0x06, 0x00, 0x01];

        var result = DnsRequestParser.Parse(message);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.Header!.Id);
    }

    [Fact]
    public void Two_names_pointing_at_each_other_are_a_format_error()
    {
        byte[] message =
        [
            0x00, 0x04, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
            0x01, (byte)'z', 0x00, 0x00, 0x06, 0x00, 0x01,
            0xC0, 0x0C, 0x00, 0x0C, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x04,
            0x01, (byte)'a', 0xC0, 0x1F, // PTR target "a" + pointer to its own start (offset 31)
        ];

        Assert.False(DnsRequestParser.Parse(message).IsValid);
    }

    [Fact]
    public void Every_truncation_of_a_valid_update_is_a_format_error()
    {
        for (var length = DnsHeader.Length; length < CompressedUpdate.Length; length++)
        {
            var result = DnsRequestParser.Parse(CompressedUpdate.AsSpan(0, length));
            Assert.False(result.IsValid, $"{length} octets parsed");
            Assert.Equal(0x1234, result.Header!.Id);
        }
    }

    [Fact]
    public void Less_than_a_header_has_no_header_to_answer()
    {
        var result = DnsRequestParser.Parse(CompressedUpdate.AsSpan(0, 11));

        Assert.False(result.IsValid);
        Assert.Null(result.Header);
    }

    [Fact]
    public void Octets_after_the_last_record_are_a_format_error() =>
        Assert.False(DnsRequestParser.Parse([.. CompressedUpdate, 0x00]).IsValid);

    [Fact]
    public void A_message_longer_than_65535_octets_is_a_format_error()
    {
        var huge = new byte[65536];
        CompressedUpdate.CopyTo(huge, 0);

        Assert.False(DnsRequestParser.Parse(huge).IsValid);
    }

    [Fact]
    public void A_ptr_whose_name_runs_past_its_rdlength_is_a_format_error()
    {
        var shortened = CompressedUpdate.ToArray();
        shortened[45] = 0x04; // RDLENGTH 4 instead of 6: the target name would end beyond it
        Assert.False(DnsRequestParser.Parse(shortened.AsSpan(0, shortened.Length - 2)).IsValid);
    }

    [Fact]
    public void A_tsig_record_that_is_not_last_is_a_format_error()
    {
        byte[] message =
        [
            0x00, 0x05, 0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,
            0x00, 0x00, 0xFA, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];

        Assert.False(DnsRequestParser.Parse(message).IsValid);
    }
}
