using System.Buffers.Binary;
using System.Net;
using Fos1.Ddns.Updates;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Transfer;
using Fos1.Zones;
using Fos1.Zones.Records;

namespace Fos1.Dns.Server.Tests.Transfer;

public sealed class ZoneTransferResponderTests
{
    private static readonly DnsHeader Request = new(0x1234, 0x0000, 1, 0, 0, 0);
    private static readonly DnsQuestion Axfr = new(Sample.Origin, DnsType.Axfr, DnsClass.In);

    internal static Zone BigZone() =>
        Zone.Create(Sample.Origin,
        [
            .. Sample.HomeZone().Records,
            .. Enumerable.Range(1, 2000).Select(i => new ResourceRecord(DnsName.Parse($"host{i}.home.arpa"), 300, Rdata.A(IPAddress.Parse($"192.0.{i / 250}.{i % 250}")))),
        ]);

    private static ushort U16(byte[] message, int at) => BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at));

    [Fact]
    public void A_permitted_transfer_is_one_authoritative_message_with_the_soa_first_and_last()
    {
        var zone = Sample.HomeZone();
        var messages = ZoneTransferResponder.Respond(Request, Axfr, zone, permitted: true);

        var message = Assert.Single(messages);
        Assert.Equal(0x1234, U16(message, 0));
        Assert.Equal(0x8400, U16(message, 2));
        Assert.Equal(1, U16(message, 4));
        Assert.Equal(zone.RecordCount + 1, U16(message, 6));
    }

    [Fact]
    public void A_large_zone_is_cut_into_messages_of_at_most_16_KB_with_the_question_only_in_the_first()
    {
        var zone = BigZone();
        var messages = ZoneTransferResponder.Respond(Request, Axfr, zone, permitted: true);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= ZoneTransferResponder.DefaultMaxMessageSize));
        Assert.All(messages, m => Assert.Equal(0x8400, U16(m, 2)));
        Assert.Equal(1, U16(messages[0], 4));
        Assert.All(messages.Skip(1), m => Assert.Equal(0, U16(m, 4)));
        Assert.Equal(zone.RecordCount + 1, messages.Sum(m => U16(m, 6)));
    }

    [Fact]
    public void Owner_names_are_compressed()
    {
        var zone = BigZone();
        var uncompressed = zone.Records.Sum(r => r.Owner.Text.Length + 2 + 10 + r.Data.Wire.Length);
        var messages = ZoneTransferResponder.Respond(Request, Axfr, zone, permitted: true);

        Assert.True(messages.Sum(m => m.Length) < uncompressed * 3 / 4);
    }

    [Fact]
    public void A_transfer_the_policy_denies_is_refused_without_records()
    {
        var message = Assert.Single(ZoneTransferResponder.Respond(Request, Axfr, Sample.HomeZone(), permitted: false));

        Assert.Equal(ResponseCode.Refused, Sample.Rcode(message));
        Assert.Equal(0, U16(message, 6));
    }

    [Fact]
    public void A_transfer_of_a_zone_this_server_does_not_have_is_notauth()
    {
        var message = Assert.Single(ZoneTransferResponder.Respond(Request, Axfr, zone: null, permitted: true));

        Assert.Equal(ResponseCode.NotAuth, Sample.Rcode(message));
    }

    [Fact]
    public void A_transfer_in_another_class_is_notimp()
    {
        var message = Assert.Single(ZoneTransferResponder.Respond(Request, Axfr with { Class = 3 }, Sample.HomeZone(), permitted: true));

        Assert.Equal(ResponseCode.NotImp, Sample.Rcode(message));
    }

    [Theory]
    [InlineData("fos1-test-key", null, true)]
    [InlineData("other-key", null, false)]
    [InlineData(null, "127.0.0.1", true)]
    [InlineData(null, "192.0.2.9", false)]
    public void The_policy_permits_listed_keys_and_unsigned_requests_from_loopback(string? key, string? client, bool permitted)
    {
        var policy = new TransferPolicy([Sample.KeyName], AllowUnsignedFromLoopback: true);

        Assert.Equal(permitted, policy.Permits(key is null ? null : DnsName.Parse(key), client is null ? null : IPAddress.Parse(client)));
    }
}
