using System.Net;
using Fos1.Ddns.Records;
using Fos1.Ddns.Updates;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Tests.Wire;

/// <summary>The TSIG RR and MAC of a signed UPDATE, checked against the RFC 8945 4.3.3 digest layout.</summary>
public sealed class TsigSigningTests
{
    private const ushort Id = 0xbeef;
    private static readonly DateTimeOffset SignedAt = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private const string SignedAtHex = "000065937d25";
    private static readonly byte[] Secret = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static readonly UpdateMessagePlan Plan = new(
        DnsName.Parse("home.arpa"),
        [new NameIsNotInUse(DnsName.Parse("host.home.arpa"))],
        [new AddRecord(new DnsRecord(DnsName.Parse("host.home.arpa"), 300, new AddressData(IPAddress.Parse("192.0.2.10"))))]);

    public static TheoryData<TsigAlgorithm, string> Algorithms => new()
    {
        { TsigAlgorithm.HmacMd5, "08686d61632d6d6435 077369672d616c67 03726567 03696e74 00" },
        { TsigAlgorithm.HmacSha1, "09686d61632d73686131 00" },
        { TsigAlgorithm.HmacSha224, "0b686d61632d736861323234 00" },
        { TsigAlgorithm.HmacSha256, "0b686d61632d736861323536 00" },
        { TsigAlgorithm.HmacSha384, "0b686d61632d736861333834 00" },
        { TsigAlgorithm.HmacSha512, "0b686d61632d736861353132 00" },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void A_signed_update_ends_with_a_TSIG_RR_whose_MAC_covers_message_and_variables(TsigAlgorithm algorithm, string algorithmWire)
    {
        // Key names are compared case-insensitively; the digest and the RR use the lower-case form.
        var key = new TsigKey(DnsName.Parse("DDNS-Key"), algorithm, Secret);
        const string keyWire = "0864646e732d6b6579 00";
        var unsigned = UpdateMessageEncoder.Encode(Plan, Id).Message.ToArray();

        var signed = UpdateMessageEncoder.Encode(Plan, Id, key, SignedAt);

        var digestInput = unsigned.Concat(Hex.Parse(keyWire, "00ff 00000000", algorithmWire, SignedAtHex, "012c 0000 0000")).ToArray();
        var mac = ReferenceHmac.Compute(algorithm, Secret, digestInput);
        var rdata = Hex.Parse(algorithmWire, SignedAtHex, "012c", $"{mac.Length:x4}", Convert.ToHexString(mac), "beef 0000 0000");
        var expectedUnsignedWithArcount1 = unsigned.ToArray();
        expectedUnsignedWithArcount1[11] = 1;
        var expected = expectedUnsignedWithArcount1
            .Concat(Hex.Parse(keyWire, "00fa 00ff 00000000", $"{rdata.Length:x4}"))
            .Concat(rdata)
            .ToArray();
        Assert.Equal(expected, signed.Message.ToArray());
        Assert.Equal(mac, signed.RequestMac.ToArray());
        Assert.Equal(algorithm.MacLength(), mac.Length);
    }

    [Fact]
    public void An_unsigned_update_has_no_additional_records_and_no_MAC()
    {
        var unsigned = UpdateMessageEncoder.Encode(Plan, Id);

        Assert.Equal(0, unsigned.Message.Span[11]);
        Assert.True(unsigned.RequestMac.IsEmpty);
        Assert.Null(unsigned.Key);
    }
}
