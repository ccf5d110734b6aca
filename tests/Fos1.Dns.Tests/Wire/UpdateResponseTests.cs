using System.Buffers.Binary;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Tests.Wire;

/// <summary>Responses built by hand (RFC 8945 5.3 response digest) and what they mean for the request.</summary>
public sealed class UpdateResponseTests
{
    private const ushort Id = 0x4242;
    private static readonly DateTimeOffset Now = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly byte[] Secret = Convert.FromHexString("0f0e0d0c0b0a09080706050403020100");
    private static readonly TsigKey Key = new(DnsName.Parse("ddns-key"), TsigAlgorithm.HmacSha256, Secret);
    private const string KeyWire = "0864646e732d6b6579 00";
    private const string AlgorithmWire = "0b686d61632d736861323536 00";

    private static readonly UpdateMessagePlan Plan = new(DnsName.Parse("home.arpa"), [new NameIsNotInUse(DnsName.Parse("h.home.arpa"))], []);
    private static readonly EncodedUpdate SignedRequest = UpdateMessageEncoder.Encode(Plan, Id, Key, Now);

    private static byte[] Unsigned(ushort id, ResponseCode rcode) =>
        Hex.Parse($"{id:x4} a8 {(int)rcode:x2} 0001 0000 0000 0000", "04686f6d65 0461727061 00 0006 0001");

    private static byte[] Signed(byte[] response, ReadOnlySpan<byte> requestMac, DateTimeOffset signedAt, ushort error = 0, byte[]? secret = null)
    {
        var time = $"{signedAt.ToUnixTimeSeconds():x12}";
        var digest = new byte[2 + requestMac.Length]
            .Concat(response)
            .Concat(Hex.Parse(KeyWire, "00ff 00000000", AlgorithmWire, time, "012c", $"{error:x4}", "0000"))
            .ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(digest, (ushort)requestMac.Length);
        requestMac.CopyTo(digest.AsSpan(2));
        var mac = error is 16 or 17 ? [] : ReferenceHmac.Compute(TsigAlgorithm.HmacSha256, secret ?? Secret, digest);
        var rdata = Hex.Parse(AlgorithmWire, time, "012c", $"{mac.Length:x4}", Convert.ToHexString(mac), $"{Id:x4}", $"{error:x4}", "0000");
        var signed = response.Concat(Hex.Parse(KeyWire, "00fa 00ff 00000000", $"{rdata.Length:x4}")).Concat(rdata).ToArray();
        signed[11] = 1;
        return signed;
    }

    private static UpdateOutcome Interpret(byte[] response) => UpdateResponse.Interpret(SignedRequest, response, Now);

    [Theory]
    [InlineData(ResponseCode.NoError)]
    [InlineData(ResponseCode.YxDomain)]
    [InlineData(ResponseCode.NxRrset)]
    public void A_response_signed_with_our_key_yields_its_response_code(ResponseCode rcode) =>
        Assert.Equal(new UpdateAnswered(rcode), Interpret(Signed(Unsigned(Id, rcode), SignedRequest.RequestMac.Span, Now)));

    [Fact]
    public void A_response_signed_with_another_secret_is_not_trusted() =>
        Assert.Equal(
            UpdateFailureKind.TsigNotVerified,
            Assert.IsType<UpdateFailed>(Interpret(Signed(Unsigned(Id, ResponseCode.NoError), SignedRequest.RequestMac.Span, Now, secret: [1, 2, 3]))).Kind);

    [Fact]
    public void A_response_whose_MAC_does_not_cover_our_request_MAC_is_not_trusted() =>
        Assert.Equal(
            UpdateFailureKind.TsigNotVerified,
            Assert.IsType<UpdateFailed>(Interpret(Signed(Unsigned(Id, ResponseCode.NoError), new byte[32], Now))).Kind);

    [Fact]
    public void An_unsigned_response_to_a_signed_update_is_not_trusted()
    {
        var failed = Assert.IsType<UpdateFailed>(Interpret(Unsigned(Id, ResponseCode.NoError)));

        Assert.Equal(UpdateFailureKind.TsigNotVerified, failed.Kind);
        Assert.Contains("unsigned", failed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, UpdateFailureKind.BadSig)]
    [InlineData(17, UpdateFailureKind.BadKey)]
    [InlineData(18, UpdateFailureKind.BadTime)]
    public void A_NOTAUTH_with_a_TSIG_error_reports_that_error(ushort error, UpdateFailureKind expected) =>
        Assert.Equal(
            expected,
            Assert.IsType<UpdateFailed>(Interpret(Signed(Unsigned(Id, ResponseCode.NotAuth), SignedRequest.RequestMac.Span, Now, error))).Kind);

    [Fact]
    public void A_verified_response_signed_outside_the_fudge_is_a_time_failure() =>
        Assert.Equal(
            UpdateFailureKind.BadTime,
            Assert.IsType<UpdateFailed>(Interpret(Signed(Unsigned(Id, ResponseCode.NoError), SignedRequest.RequestMac.Span, Now.AddSeconds(301)))).Kind);

    [Fact]
    public void A_response_with_another_transaction_id_is_an_id_mismatch() =>
        Assert.Equal(
            UpdateFailureKind.IdMismatch,
            Assert.IsType<UpdateFailed>(Interpret(Signed(Unsigned(Id + 1, ResponseCode.NoError), SignedRequest.RequestMac.Span, Now))).Kind);

    [Theory]
    [InlineData("4242a8")]
    [InlineData("4242 2800 0001 0000 0000 0000 04686f6d65")]
    [InlineData("4242 a800 0001 0000 0000 0000 04686f6d65")]
    [InlineData("4242 8000 0000 0000 0000 0000")]
    public void Truncated_or_non_UPDATE_responses_are_malformed(string hex) =>
        Assert.Equal(UpdateFailureKind.MalformedResponse, Assert.IsType<UpdateFailed>(Interpret(Hex.Parse(hex))).Kind);

    [Fact]
    public void An_unsigned_update_takes_the_response_code_as_it_comes()
    {
        var request = UpdateMessageEncoder.Encode(Plan, Id);

        Assert.Equal(new UpdateAnswered(ResponseCode.Refused), UpdateResponse.Interpret(request, Unsigned(Id, ResponseCode.Refused), Now));
    }

    [Fact]
    public void The_truncation_bit_is_recognised() =>
        Assert.True(UpdateResponse.IsTruncated(Hex.Parse("4242 aa00 0000 0000 0000 0000")));
}
