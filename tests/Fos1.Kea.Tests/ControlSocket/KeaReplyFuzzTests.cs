using System.Text;
using CsCheck;
using Fos1.Kea.ControlSocket;
using Fos1.Kea.Tests.Ncr;

namespace Fos1.Kea.Tests.ControlSocket;

/// <summary>Property tests: a reply from Kea is a response or a <see cref="KeaControlException"/> (MalformedReply), nothing else.</summary>
public sealed class KeaReplyFuzzTests
{
    private static readonly byte[][] Valid =
    [
        "{ \"result\": 0, \"text\": \"2 IPv4 lease(s) found.\", \"arguments\": { \"leases\": [ { \"ip-address\": \"192.0.2.10\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"valid-lft\": 3600, \"cltt\": 1795915200, \"subnet-id\": 1, \"state\": 0, \"hostname\": \"laptop.home.arpa\" } ], \"count\": 1 } }"u8.ToArray(),
        "[ { \"result\": 3, \"text\": \"0 IPv6 lease(s) found.\" } ]"u8.ToArray(),
        "{ \"result\": 1, \"text\": \"unable to forward command\" }"u8.ToArray(),
    ];

    private static void ResponseOrMalformed(byte[] reply)
    {
        try
        {
            var response = KeaReply.Parse(reply, "/run/kea/kea4-ctrl-socket", "lease4-get-page");
            if (response.Arguments is { } arguments && arguments["leases"] is System.Text.Json.Nodes.JsonArray leases)
            {
                foreach (var lease in leases.OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    _ = KeaLeaseJson.TryParse(lease, 4, out _, out _);
                }
            }
        }
        catch (KeaControlException e)
        {
            Assert.Equal(KeaControlFailure.MalformedReply, e.Failure);
        }
    }

    [Fact]
    public void Random_bytes_are_malformed_replies() =>
        Gen.Byte.Array[0, 400].Sample(ResponseOrMalformed, iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void Mutated_replies_are_responses_or_malformed_and_their_leases_parse_or_are_refused() =>
        Mutation.OfAny(Valid).Sample(ResponseOrMalformed, iter: NcrDecodeFuzzTests.Iterations);

    [Theory]
    [InlineData("{\"result\":0,\"result\":1}")]
    [InlineData("{\"result\":0,\"arguments\":{\"a\":1,\"a\":2}}")]
    [InlineData("{\"result\":2147483648}")]
    [InlineData("{\"result\":0.5}")]
    [InlineData("{\"result\":\"0\"}")]
    [InlineData("[]")]
    [InlineData("[[{\"result\":0}]]")]
    [InlineData("")]
    public void Odd_replies_are_responses_or_malformed(string reply) => ResponseOrMalformed(Encoding.UTF8.GetBytes(reply));

    [Fact]
    public void Deeply_nested_and_huge_replies_are_malformed()
    {
        var nested = "{\"result\":0,\"arguments\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_001);
        var huge = "{\"result\":0,\"text\":\"" + new string('x', 1 << 20);

        Assert.Equal(KeaControlFailure.MalformedReply, Assert.Throws<KeaControlException>(() => KeaReply.Parse(Encoding.UTF8.GetBytes(nested), "s", "c")).Failure);
        Assert.Equal(KeaControlFailure.MalformedReply, Assert.Throws<KeaControlException>(() => KeaReply.Parse(Encoding.UTF8.GetBytes(huge), "s", "c")).Failure);
    }

    [Fact]
    public void Regression_invalid_utf8_and_duplicate_keys_are_malformed_replies_not_argument_exceptions()
    {
        // Found by the fuzzer: both passed JsonNode.Parse and threw at the first read.
        byte[] badUtf8 = [.. "{\"result\":0,\"text\":\""u8, 0xBA, .. "\"}"u8];

        Assert.Equal(KeaControlFailure.MalformedReply, Assert.Throws<KeaControlException>(() => KeaReply.Parse(badUtf8, "s", "c")).Failure);
        Assert.Equal(KeaControlFailure.MalformedReply, Assert.Throws<KeaControlException>(() => KeaReply.Parse("{\"result\":0,\"result\":1}"u8, "s", "c")).Failure);
    }

    [Fact]
    public void Regression_a_cltt_beyond_year_9999_is_a_refused_lease_not_an_exception()
    {
        var lease = System.Text.Json.Nodes.JsonNode.Parse("{ \"ip-address\": \"192.0.2.10\", \"hw-address\": \"1a:1b:1c:1d:1e:1f\", \"valid-lft\": 3600, \"cltt\": 9223372036854775000, \"subnet-id\": 1 }")!.AsObject();

        Assert.False(KeaLeaseJson.TryParse(lease, 4, out _, out var error));
        Assert.Equal("lease 192.0.2.10: cltt 9223372036854775000 plus valid-lft is beyond any representable time", error);
    }
}
