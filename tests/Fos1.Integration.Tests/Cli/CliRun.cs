using Fos1.Ctl;

// Not "...Tests.Cli": that namespace would hide CliWrap's Cli class from every other test in this assembly.
namespace Fos1.Integration.Tests.OperatorCli;

/// <summary>One fos1ctl invocation (in-process, the real command tree) with what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await Fos1Ctl.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"fos1ctl exited {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
