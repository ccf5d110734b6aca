using Fos1.Ddns.Planning;
using Fos1.Ddns.Updates;
using Fos1.Dns.Sending;
using Fos1.Dns.Server.Messages;
using Fos1.Dns.Server.Tsig;
using Fos1.Dns.Tsig;
using Fos1.Dns.Wire;

namespace Fos1.Dns.Server.Tests.Tsig;

/// <summary>Fos1.Dns' own UPDATE signer plays the client; its response check judges our signatures.</summary>
public sealed class TsigRoundTripTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly TsigKeyring Keys = new([Sample.Key]);

    private static EncodedUpdate Signed(TsigKey key, DateTimeOffset at) =>
        UpdateMessageEncoder.Encode(UpdatePlans.ForwardAdd(Sample.Origin, Sample.Change("host.home.arpa", "192.0.2.7")), 0x4242, key, at);

    private static (RequestTsig Tsig, DnsMessage Message) Parse(EncodedUpdate update)
    {
        var parsed = DnsRequestParser.Parse(update.Message.Span);
        Assert.True(parsed.IsValid, parsed.Error);
        return (parsed.Message.Tsig!, parsed.Message);
    }

    [Fact]
    public void A_request_signed_with_a_configured_key_verifies_and_names_its_signer()
    {
        var update = Signed(Sample.Key, Now);
        var (tsig, message) = Parse(update);

        var verdict = TsigVerifier.Verify(update.Message.Span, tsig, Keys, Now.AddSeconds(299));

        Assert.True(verdict.Verified);
        Assert.Equal(Sample.KeyName, verdict.Key!.Name);
        Assert.Equal(1, message.Header.AdditionalCount);
        Assert.Empty(message.Additional);
    }

    [Fact]
    public void A_request_signed_with_another_secret_is_badsig()
    {
        var impostor = TsigKey.FromKea(Sample.KeyName.Text, "HMAC-SHA256", Convert.ToBase64String(new byte[32]));
        var update = Signed(impostor, Now);

        Assert.Equal(TsigError.BadSig, TsigVerifier.Verify(update.Message.Span, Parse(update).Tsig, Keys, Now).Error);
    }

    [Fact]
    public void A_request_signed_with_an_unknown_key_or_algorithm_is_badkey()
    {
        var stranger = TsigKey.FromKea("stranger", "HMAC-SHA256", Sample.Secret);
        var otherAlgorithm = TsigKey.FromKea(Sample.KeyName.Text, "HMAC-SHA512", Sample.Secret);

        foreach (var key in new[] { stranger, otherAlgorithm })
        {
            var update = Signed(key, Now);
            Assert.Equal(TsigError.BadKey, TsigVerifier.Verify(update.Message.Span, Parse(update).Tsig, Keys, Now).Error);
        }
    }

    [Fact]
    public void A_request_signed_outside_the_fudge_is_badtime()
    {
        var update = Signed(Sample.Key, Now);

        Assert.Equal(TsigError.BadTime, TsigVerifier.Verify(update.Message.Span, Parse(update).Tsig, Keys, Now.AddSeconds(301)).Error);
    }

    [Fact]
    public void A_signed_response_verifies_at_the_client_with_the_request_mac()
    {
        var update = Signed(Sample.Key, Now);
        var (tsig, message) = Parse(update);
        var verdict = TsigVerifier.Verify(update.Message.Span, tsig, Keys, Now);

        var response = ResponseTsigWriter.Append(ResponseBuilder.Build(message.Header, ResponseCode.YxDomain, message.Questions), verdict, Now, 300);

        Assert.Equal(new UpdateAnswered(ResponseCode.YxDomain), UpdateResponse.Interpret(update, response, Now));
    }

    [Fact]
    public void A_badtime_response_is_signed_and_carries_the_server_time()
    {
        var update = Signed(Sample.Key, Now);
        var (tsig, message) = Parse(update);
        var verdict = TsigVerifier.Verify(update.Message.Span, tsig, Keys, Now.AddHours(1));

        var response = ResponseTsigWriter.Append(ResponseBuilder.Build(message.Header, ResponseCode.NotAuth, message.Questions), verdict, Now.AddHours(1), 300);

        var outcome = Assert.IsType<UpdateFailed>(UpdateResponse.Interpret(update, response, Now));
        Assert.Equal(UpdateFailureKind.BadTime, outcome.Kind);
        var serverTime = (ulong)Now.AddHours(1).ToUnixTimeSeconds();
        byte[] otherData = [0, 6, (byte)(serverTime >> 40), (byte)(serverTime >> 32), (byte)(serverTime >> 24), (byte)(serverTime >> 16), (byte)(serverTime >> 8), (byte)serverTime];
        Assert.Equal(otherData, response[^8..]);
    }

    [Fact]
    public void A_badsig_response_carries_the_error_and_an_empty_mac()
    {
        var impostor = TsigKey.FromKea(Sample.KeyName.Text, "HMAC-SHA256", Convert.ToBase64String(new byte[32]));
        var update = Signed(impostor, Now);
        var (tsig, message) = Parse(update);
        var verdict = TsigVerifier.Verify(update.Message.Span, tsig, Keys, Now);

        var response = ResponseTsigWriter.Append(ResponseBuilder.Build(message.Header, ResponseCode.NotAuth, message.Questions), verdict, Now, 300);

        var outcome = Assert.IsType<UpdateFailed>(UpdateResponse.Interpret(update, response, Now));
        Assert.Equal(UpdateFailureKind.BadSig, outcome.Kind);
        // ... MAC size 0, original id, error 16, other length 0
        Assert.Equal(new byte[] { 0, 0, 0x42, 0x42, 0, 16, 0, 0 }, response[^8..]);
    }
}
