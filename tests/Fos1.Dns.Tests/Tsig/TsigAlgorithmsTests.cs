using Fos1.Dns.Tsig;

namespace Fos1.Dns.Tests.Tsig;

public sealed class TsigAlgorithmsTests
{
    [Theory]
    [InlineData("HMAC-MD5", TsigAlgorithm.HmacMd5, "hmac-md5.sig-alg.reg.int.", 16)]
    [InlineData("hmac-sha1", TsigAlgorithm.HmacSha1, "hmac-sha1.", 20)]
    [InlineData("Hmac-Sha224", TsigAlgorithm.HmacSha224, "hmac-sha224.", 28)]
    [InlineData("HMAC-SHA256", TsigAlgorithm.HmacSha256, "hmac-sha256.", 32)]
    [InlineData("hmac-sha384", TsigAlgorithm.HmacSha384, "hmac-sha384.", 48)]
    [InlineData("HMAC-SHA512", TsigAlgorithm.HmacSha512, "hmac-sha512.", 64)]
    [InlineData("hmac-md5.sig-alg.reg.int", TsigAlgorithm.HmacMd5, "hmac-md5.sig-alg.reg.int.", 16)]
    public void Kea_algorithm_names_parse_case_insensitively(string keaName, TsigAlgorithm expected, string wireName, int macLength)
    {
        Assert.True(TsigAlgorithms.TryParse(keaName, out var algorithm, out var error), error);
        Assert.Equal(expected, algorithm);
        Assert.Equal(wireName, algorithm.WireName().ToString());
        Assert.Equal(macLength, algorithm.MacLength());
    }

    [Theory]
    [InlineData("HMAC-SHA3-256")]
    [InlineData("GSS-TSIG")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_algorithms_are_rejected_with_the_supported_list(string? keaName)
    {
        Assert.False(TsigAlgorithms.TryParse(keaName, out _, out var error));
        Assert.Contains("HMAC-SHA256", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_from_Kea_configuration_keeps_name_algorithm_and_secret()
    {
        var key = TsigKey.FromKea("ddns-key.home.arpa.", "hmac-sha512", "AQIDBA==");

        Assert.Equal(DnsName.Parse("ddns-key.home.arpa"), key.Name);
        Assert.Equal(TsigAlgorithm.HmacSha512, key.Algorithm);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, key.Secret.ToArray());
    }

    [Theory]
    [InlineData("k", "HMAC-SHA256", "not base64!", "secret is not valid base64")]
    [InlineData("k", "HMAC-SHA256", "", "secret is empty")]
    [InlineData("k", "HMAC-GOST", "AQIDBA==", "is not supported")]
    [InlineData("bad..name", "HMAC-SHA256", "AQIDBA==", "TSIG key name 'bad..name' is invalid")]
    [InlineData(".", "HMAC-SHA256", "AQIDBA==", "the root is not a key name")]
    public void Bad_key_configuration_is_rejected_naming_the_problem(string name, string algorithm, string secret, string expected)
    {
        Assert.False(TsigKey.TryFromKea(name, algorithm, secret, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_never_shows_its_secret_when_printed()
    {
        var key = TsigKey.FromKea("k", "HMAC-SHA256", "c2VjcmV0LXNlY3JldA==");

        Assert.Equal("k. (HMAC-SHA256)", key.ToString());
        Assert.DoesNotContain("c2VjcmV0", new Fos1.Dns.Sending.DnsUpdateTarget(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 53), key).ToString(), StringComparison.Ordinal);
    }
}
