using CliWrap;
using CliWrap.Buffered;

namespace Fos1.Testbed.Processes;

/// <summary>Runs a short-lived command to completion and captures its output.</summary>
public static class ToolRun
{
    /// <summary>Runs the command; a non-zero exit code is returned, not thrown.</summary>
    public static async Task<BufferedCommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await command
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Runs the command and throws, with its stderr, when it exits non-zero.</summary>
    public static async Task<BufferedCommandResult> RunCheckedAsync(Command command, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{command}` exited with {result.ExitCode}: {result.StandardError.Trim()} {result.StandardOutput.Trim()}");
        }

        return result;
    }

    /// <summary>Runs <c>ip ARGS</c> and throws when it fails.</summary>
    public static Task<BufferedCommandResult> IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunCheckedAsync(Cli.Wrap(Tool.Ip.Path).WithArguments(arguments), cancellationToken);
}
