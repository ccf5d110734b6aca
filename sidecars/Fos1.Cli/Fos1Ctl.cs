using System.CommandLine;
using Fos1.Ctl.CheckConfig;
using Fos1.Ctl.Dhcid;
using Fos1.Ctl.Plan;
using Fos1.Ctl.Resync;
using Fos1.Ctl.Status;

namespace Fos1.Ctl;

/// <summary>The fos1ctl command tree. Output goes to the given writers so tests read exactly what an operator sees.</summary>
public static class Fos1Ctl
{
    public static RootCommand Create() => new("fos1ctl: look into and steer the fos1 kea sidecar (exit codes: 0 ok, 1 not ready / drift, 2 bad configuration, 3 unreachable)")
    {
        StatusCommand.Create(),
        PlanCommand.Create(),
        ResyncCommand.Create(),
        CheckConfigCommand.Create(),
        DhcidCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine answers 1 for a usage error; scripts read 1 as "drift", so usage errors are 2.
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"fos1ctl: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'fos1ctl --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
