using System.CommandLine;
using Fos1.Ctl.Configuration;

namespace Fos1.Ctl.CheckConfig;

/// <summary>
/// <c>fos1ctl check-config</c>: the sidecar's configuration through the sidecar's own validators, and every
/// <c>--kea-config</c> file through Kea's <c>-t</c>. One line per problem, naming the key or file; exit 0 or 2.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var config = new ConfigOptions();
        var keaConfigs = new Option<string[]>("--kea-config") { Description = "A Kea configuration file to test with kea-dhcp4/kea-dhcp6 -t (repeatable)" };
        var keaOnly = new Option<bool>("--kea-only") { Description = "Check only the --kea-config files, not the sidecar's configuration" };
        var command = new Command("check-config", "Validate the sidecar's configuration (as at its start-up) and Kea's (kea-dhcp4 -t)");
        config.AddTo(command);
        command.Options.Add(keaConfigs);
        command.Options.Add(keaOnly);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var valid = true;
            if (!parsed.GetValue(keaOnly))
            {
                using var settings = await config.LoadAsync(parsed).ConfigureAwait(false);
                if (settings is null)
                {
                    return ExitCodes.BadConfiguration;
                }

                var problems = ConfigurationProblems.Find(settings);
                foreach (var problem in problems)
                {
                    await output.WriteLineAsync($"invalid: {problem}").ConfigureAwait(false);
                }

                valid = problems.Count == 0;
                if (valid)
                {
                    await output.WriteLineAsync("ok: sidecar configuration").ConfigureAwait(false);
                }
            }

            foreach (var file in parsed.GetValue(keaConfigs) ?? [])
            {
                var refusal = await KeaConfigTest.RunAsync(file, cancellationToken).ConfigureAwait(false);
                valid &= refusal is null;
                await output.WriteLineAsync(refusal is null ? $"ok: {file}" : $"invalid: {file}: {refusal}").ConfigureAwait(false);
            }

            return valid ? ExitCodes.Success : ExitCodes.BadConfiguration;
        });
        return command;
    }
}
