using System.Buffers.Binary;
using System.Net;
using System.Text;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;

namespace Fos1.Kea.Tests.Ncr;

public sealed class NameChangeRequestCodecTests
{
    // As kea-dhcp4 2.2 sends it (field order and spelling from its NameChangeRequest::toJSON).
    private const string KeaJson =
        """{"change-type":0,"forward-change":true,"reverse-change":true,"fqdn":"myhost.home.arpa.","ip-address":"192.0.2.100","dhcid":"000101F2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7081","lease-expires-on":"20261129123456","lease-length":3600,"use-conflict-resolution":true}""";

    private static byte[] Framed(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var datagram = new byte[body.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, (ushort)body.Length);
        body.CopyTo(datagram, 2);
        return datagram;
    }

    [Fact]
    public void A_datagram_from_Kea_decodes_into_every_field()
    {
        var result = NameChangeRequestCodec.Decode(Framed(KeaJson));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var change = result.Change;
        Assert.Equal(NameChangeKind.Add, change.Kind);
        Assert.True(change.Forward);
        Assert.True(change.Reverse);
        Assert.Equal(DnsName.Parse("myhost.home.arpa"), change.Fqdn);
        Assert.Equal(IPAddress.Parse("192.0.2.100"), change.Address);
        Assert.Equal("000101F2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7081", change.Dhcid.ToHex());
        Assert.Equal(3600u, change.Ttl);
        Assert.True(change.UseConflictResolution);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 12, 34, 56, TimeSpan.Zero), change.LeaseExpiresOn);
    }

    [Fact]
    public void A_remove_for_an_IPv6_address_in_simple_mode_decodes()
    {
        var json = KeaJson.Replace("\"change-type\":0", "\"change-type\":1", StringComparison.Ordinal)
            .Replace("192.0.2.100", "2001:db8:1::100", StringComparison.Ordinal)
            .Replace("\"use-conflict-resolution\":true", "\"use-conflict-resolution\":false", StringComparison.Ordinal);

        var result = NameChangeRequestCodec.Decode(Framed(json));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(NameChangeKind.Remove, result.Change.Kind);
        Assert.Equal(IPAddress.Parse("2001:db8:1::100"), result.Change.Address);
        Assert.False(result.Change.UseConflictResolution);
    }

    [Fact]
    public void A_request_without_use_conflict_resolution_means_on_as_older_Kea_meant()
    {
        var json = KeaJson.Replace(",\"use-conflict-resolution\":true", "", StringComparison.Ordinal);

        var result = NameChangeRequestCodec.Decode(Framed(json));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True(result.Change.UseConflictResolution);
    }

    [Fact]
    public void Encode_then_decode_gives_the_same_change()
    {
        var original = NameChangeRequestCodec.Decode(Framed(KeaJson)).Change!;

        var again = NameChangeRequestCodec.Decode(NameChangeRequestCodec.Encode(original));

        Assert.Equal(original, again.Change);
    }

    [Theory]
    [InlineData(new byte[0], NcrDecodeErrorKind.Truncated)]
    [InlineData(new byte[] { 0 }, NcrDecodeErrorKind.Truncated)]
    [InlineData(new byte[] { 0, 10, (byte)'{' }, NcrDecodeErrorKind.Truncated)]
    [InlineData(new byte[] { 0, 1, (byte)'{' }, NcrDecodeErrorKind.BadJson)]
    [InlineData(new byte[] { 0, 2, (byte)'[', (byte)']' }, NcrDecodeErrorKind.BadJson)]
    public void Broken_framing_is_refused_with_its_reason(byte[] datagram, NcrDecodeErrorKind expected)
    {
        var result = NameChangeRequestCodec.Decode(datagram);

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error.Kind);
    }

    [Theory]
    [InlineData("\"change-type\":0,", "", NcrDecodeErrorKind.MissingField)]
    [InlineData("\"change-type\":0", "\"change-type\":2", NcrDecodeErrorKind.BadValue)]
    [InlineData("\"change-type\":0", "\"change-type\":\"0\"", NcrDecodeErrorKind.BadValue)]
    [InlineData("\"forward-change\":true,\"reverse-change\":true", "\"forward-change\":false,\"reverse-change\":false", NcrDecodeErrorKind.BadValue)]
    [InlineData("\"forward-change\":true", "\"forward-change\":1", NcrDecodeErrorKind.BadValue)]
    [InlineData("192.0.2.100", "192.0.2.300", NcrDecodeErrorKind.BadAddress)]
    [InlineData("192.0.2.100", "fe80::1%eth0", NcrDecodeErrorKind.BadAddress)]
    [InlineData("\"dhcid\":\"0001", "\"dhcid\":\"zz01", NcrDecodeErrorKind.BadDhcid)]
    [InlineData("\"dhcid\":\"000101F2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F7081\"", "\"dhcid\":\"\"", NcrDecodeErrorKind.BadDhcid)]
    [InlineData("myhost.home.arpa.", "my..host.home.arpa.", NcrDecodeErrorKind.BadFqdn)]
    [InlineData("myhost.home.arpa.", "my host.home.arpa.", NcrDecodeErrorKind.BadFqdn)]
    [InlineData("myhost.home.arpa.", ".", NcrDecodeErrorKind.BadFqdn)]
    [InlineData("20261129123456", "2026-11-29", NcrDecodeErrorKind.BadValue)]
    [InlineData("\"lease-length\":3600", "\"lease-length\":-1", NcrDecodeErrorKind.BadValue)]
    [InlineData("\"lease-length\":3600", "\"lease-length\":1.5", NcrDecodeErrorKind.BadValue)]
    public void A_bad_field_is_refused_with_its_reason(string field, string replacement, NcrDecodeErrorKind expected)
    {
        var json = KeaJson.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(KeaJson, json);

        var result = NameChangeRequestCodec.Decode(Framed(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error.Kind);
    }

    [Fact]
    public void A_label_longer_than_63_characters_is_refused()
    {
        var json = KeaJson.Replace("myhost", new string('a', 64), StringComparison.Ordinal);

        var result = NameChangeRequestCodec.Decode(Framed(json));

        Assert.Equal(NcrDecodeErrorKind.BadFqdn, result.Error?.Kind);
    }
}
