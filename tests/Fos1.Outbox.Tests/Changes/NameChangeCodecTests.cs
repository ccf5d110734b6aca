using System.Buffers;
using System.Net;
using Fos1.Ddns.Leases;
using Fos1.Outbox.Changes;

namespace Fos1.Outbox.Tests.Changes;

public sealed class NameChangeCodecTests
{
    public static TheoryData<NameChange> EveryShape => new()
    {
        SampleChanges.Add(1),
        SampleChanges.Remove(2),
        new NameChange(NameChangeKind.Add, false, true, DnsName.Parse("MixedCase.Home.Arpa"), IPAddress.Parse("fe80::1%7"),
            new Dhcid([0, 2, 1, 9, 8, 7, 6]), uint.MaxValue, false, new DateTimeOffset(2030, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5.5))),
        new NameChange(NameChangeKind.Remove, true, false, DnsName.Parse("a.b"), IPAddress.Parse("2001:db8::42"),
            new Dhcid([0, 0, 1, 255]), 0, true, null),
    };

    [Theory]
    [MemberData(nameof(EveryShape))]
    public void Every_field_round_trips_exactly(NameChange change)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NameChangeCodec.Write(buffer, change);

        var read = NameChangeCodec.Read(buffer.WrittenSpan, out var consumed);

        Assert.Equal(buffer.WrittenCount, consumed);
        Assert.Equal(change, read);
        Assert.Equal(change.Fqdn.Text, read.Fqdn.Text);
        Assert.Equal(change.LeaseExpiresOn?.Offset, read.LeaseExpiresOn?.Offset);
        Assert.Equal(change.Address.ToString(), read.Address.ToString());
    }

    [Fact]
    public void An_ipv4_add_has_the_documented_layout()
    {
        var change = new NameChange(NameChangeKind.Add, true, false, DnsName.Parse("h.a"), IPAddress.Parse("10.0.0.1"),
            new Dhcid([0, 1, 1, 0xAB]), 300, true, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-60)).AddTicks(1));
        var buffer = new ArrayBufferWriter<byte>();

        NameChangeCodec.Write(buffer, change);

        byte[] expected =
        [
            1, 0b1_1010, 0x2C, 0x01, 0, 0, // version, flags (expiry, conflict resolution, forward), ttl 300
            1, 0, 0, 0, 0, 0, 0, 0, 0xC4, 0xFF, // ticks 1, offset -60 minutes
            4, 10, 0, 0, 1, // address
            3, (byte)'h', (byte)'.', (byte)'a', // name
            4, 0, 1, 1, 0xAB, // DHCID
        ];
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_truncated_record_is_refused_as_invalid_data()
    {
        var buffer = new ArrayBufferWriter<byte>();
        NameChangeCodec.Write(buffer, SampleChanges.Add(1));

        Assert.Throws<InvalidDataException>(() => NameChangeCodec.Read(buffer.WrittenSpan[..^3], out _));
        Assert.Throws<InvalidDataException>(() => NameChangeCodec.Read([9, 0, 0, 0, 0, 0, 0], out _));
    }
}
