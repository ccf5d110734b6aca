using CliWrap;
using CliWrap.Buffered;
using Fos1.Testbed.Sidecars;

namespace Fos1.Integration.Tests.KeaSidecar;

/// <summary>The real kea sidecar process, started with settings that two options classes refuse at once.</summary>
public sealed class InvalidConfigurationExitTests
{
    [Fact]
    public async Task Two_invalid_settings_of_different_sections_are_both_named_and_the_sidecar_exits_2_without_crashing()
    {
        var (executable, arguments) = SidecarBinary.Launch(KeaSidecarBinary.Locate(),
            ["--Fos1:MaxInFlight=0", "--Fos1:Batching:MaxPlansPerMessage=0"]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await Cli.Wrap(executable).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(deadline.Token);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("fos1-kea-sidecar: invalid configuration:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("MaxInFlight", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("MaxPlansPerMessage", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }
}
