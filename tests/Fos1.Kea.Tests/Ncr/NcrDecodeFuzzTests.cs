using System.Buffers.Binary;
using System.Net;
using System.Text;
using CsCheck;
using Fos1.Ddns;
using Fos1.Ddns.Leases;
using Fos1.Kea.Ncr;

namespace Fos1.Kea.Tests.Ncr;

/// <summary>Property tests: whatever arrives on the NCR port is decoded or refused with a reason, never thrown.</summary>
public sealed class NcrDecodeFuzzTests
{
    public const int Iterations = 20_000;

    private static readonly NameChange Valid = new(
        NameChangeKind.Add, true, true, DnsName.Parse("laptop.home.arpa"), IPAddress.Parse("192.0.2.10"),
        new Dhcid(Convert.FromHexString("000101c7aa0a9e3e1a6b6d2d4e10d4d3d0f2e8b1c0a1b2c3d4e5f60718293a4b5c6d7e")), 1200, true,
        DateTimeOffset.FromUnixTimeSeconds(1_795_918_727));

    private static readonly byte[] ValidDatagram = NameChangeRequestCodec.Encode(Valid);

    private static readonly Gen<string> JsonScalar = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("true", "false", "null", "\"\"", "1e400", "-0", "\"20261129045600\"", "\"192.0.2.1\"", "\"::1%eth0\"", "\"0001\"",
            "\"a..b\"", "\".\"", "\"ffff\"", "18446744073709551616", "{}", "[]"),
        Gen.String.Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    private static readonly string[] Fields =
        ["change-type", "forward-change", "reverse-change", "fqdn", "ip-address", "dhcid", "lease-expires-on", "lease-length", "use-conflict-resolution"];

    /// <summary>Objects with every known field (some missing, some twice) holding values of any JSON kind.</summary>
    private static readonly Gen<byte[]> GeneratedObject =
        Gen.Select(Gen.OneOf(Gen.OneOf<string>(Fields), Gen.String[0, 8]), JsonScalar).Array[0, 12]
            .Select(pairs => Frame("{" + string.Join(",", pairs.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"));

    private static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var datagram = new byte[body.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, (ushort)Math.Min(body.Length, ushort.MaxValue));
        body.CopyTo(datagram, 2);
        return datagram;
    }

    private static void DecodedOrRefused(byte[] datagram)
    {
        var result = NameChangeRequestCodec.Decode(datagram);

        Assert.True(result.IsSuccess ^ (result.Error is not null), "exactly one of a change and an error");
        if (result.Change is { } change)
        {
            // What was accepted encodes back to something that decodes to the same change.
            Assert.Equal(change, NameChangeRequestCodec.Decode(NameChangeRequestCodec.Encode(change)).Change);
            Assert.NotEqual(DnsName.Root, change.Fqdn);
        }
    }

    [Fact]
    public void Random_datagrams_are_refused_without_an_exception() =>
        Gen.Byte.Array[0, 600].Sample(DecodedOrRefused, iter: Iterations);

    [Fact]
    public void Mutated_kea_requests_are_decoded_or_refused_and_accepted_ones_round_trip() =>
        Mutation.Of(ValidDatagram).Sample(DecodedOrRefused, iter: Iterations);

    [Fact]
    public void Generated_objects_with_wrong_kinds_missing_and_duplicate_fields_are_decoded_or_refused() =>
        GeneratedObject.Sample(DecodedOrRefused, iter: Iterations);

    [Fact]
    public void A_full_65535_octet_request_is_refused_as_bad_json()
    {
        var filler = "{\"fqdn\":\"" + new string('a', ushort.MaxValue - 10) + "\"}";

        var result = NameChangeRequestCodec.Decode(Frame(filler[..ushort.MaxValue]));

        Assert.Equal(NcrDecodeErrorKind.BadJson, result.Error?.Kind);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_bad_json_not_a_stack_overflow()
    {
        var nested = new string('[', 30_000) + new string(']', 30_000);

        Assert.Equal(NcrDecodeErrorKind.BadJson, NameChangeRequestCodec.DecodeJson(Encoding.UTF8.GetBytes(nested)).Error?.Kind);
        Assert.Equal(NcrDecodeErrorKind.BadJson, NameChangeRequestCodec.DecodeJson(Encoding.UTF8.GetBytes("{\"fqdn\":" + nested[..5000] + nested[..5000].Replace('[', ']') + "}")).Error?.Kind);
    }

    [Fact]
    public void A_length_prefix_longer_than_the_datagram_is_truncated()
    {
        var datagram = ValidDatagram.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(datagram, ushort.MaxValue);

        Assert.Equal(NcrDecodeErrorKind.Truncated, NameChangeRequestCodec.Decode(datagram).Error?.Kind);
    }

    [Fact]
    public void Regression_invalid_utf8_inside_a_string_is_bad_json_not_an_exception()
    {
        // Found by the mutation fuzzer: JsonElement.GetString threw InvalidOperationException.
        var json = Encoding.UTF8.GetBytes("{\"fqdn\":\"lap\u00FFtop\"}");
        json[12] = 0xC3;
        json[13] = 0x28;

        Assert.Equal(NcrDecodeErrorKind.BadJson, NameChangeRequestCodec.DecodeJson(json).Error?.Kind);
    }
}
