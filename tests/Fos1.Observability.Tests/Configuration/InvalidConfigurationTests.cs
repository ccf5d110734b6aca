using Fos1.Observability.Configuration;
using Microsoft.Extensions.Options;

namespace Fos1.Observability.Tests.Configuration;

public sealed class InvalidConfigurationTests
{
    [Fact]
    public void Every_failure_of_several_options_classes_failing_together_is_named()
    {
        var both = new AggregateException(
            new OptionsValidationException("SidecarOptions", typeof(object), ["MaxInFlight: must be between 1 and 65536"]),
            new AggregateException(new OptionsValidationException("BatchingOptions", typeof(object), ["MaxPlansPerMessage: must be between 1 and 4096", "MaxDelayMs: too long"])));

        Assert.Equal(
            ["MaxInFlight: must be between 1 and 65536", "MaxPlansPerMessage: must be between 1 and 4096", "MaxDelayMs: too long"],
            InvalidConfiguration.Failures(both));
    }

    [Fact]
    public void One_options_class_failing_is_named()
    {
        Assert.Equal(["x"], InvalidConfiguration.Failures(new OptionsValidationException("o", typeof(object), ["x"])));
    }

    [Fact]
    public void Anything_else_is_not_a_configuration_failure_and_keeps_crashing_loudly()
    {
        Assert.Null(InvalidConfiguration.Failures(new InvalidOperationException("bug")));
        Assert.Null(InvalidConfiguration.Failures(new AggregateException(
            new OptionsValidationException("o", typeof(object), ["x"]), new IOException("disk"))));
    }

    [Fact]
    public void The_message_names_the_sidecar_and_each_failure_on_its_own_line()
    {
        Assert.Equal(
            $"fos1-kea-sidecar: invalid configuration:{Environment.NewLine}  a{Environment.NewLine}  b",
            InvalidConfiguration.Describe("fos1-kea-sidecar", ["a", "b"]));
    }
}
