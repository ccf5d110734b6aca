using Fos1.Observability.Configuration;

namespace Fos1.Observability.Tests.Endpoint;

public sealed class ObservabilityOptionsValidationTests
{
    [Theory]
    [InlineData("0.0.0.0:9101")]
    [InlineData("127.0.0.1:9102")]
    [InlineData("[::]:9103")]
    [InlineData("")]
    public void An_address_and_port_or_nothing_is_a_valid_endpoint(string endpoint)
    {
        var result = new ObservabilityOptionsValidation().Validate(null, new ObservabilityOptions { HttpEndpoint = endpoint });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("9101")]
    [InlineData("localhost:9101")]
    [InlineData("0.0.0.0:0")]
    [InlineData("0.0.0.0:70000")]
    public void Anything_else_fails_start_up_naming_the_key(string endpoint)
    {
        var result = new ObservabilityOptionsValidation().Validate(null, new ObservabilityOptions { HttpEndpoint = endpoint });

        Assert.True(result.Failed);
        Assert.Equal($"Observability:HttpEndpoint '{endpoint}' must be address:port (e.g. 0.0.0.0:9101), or empty to turn it off", result.FailureMessage);
    }

    [Fact]
    public void The_outbox_limit_must_be_positive()
    {
        var result = new ObservabilityOptionsValidation().Validate(null, new ObservabilityOptions { OutboxReadyLimit = 0 });

        Assert.Equal("Observability:OutboxReadyLimit 0 must be at least 1", result.FailureMessage);
    }
}
