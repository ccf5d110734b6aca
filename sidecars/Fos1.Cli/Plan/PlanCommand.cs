using System.CommandLine;
using System.Net.Sockets;
using Fos1.Ctl.Configuration;
using Fos1.Ddns.Leases;
using Fos1.Dns.Transfer;
using Fos1.Kea.ControlSocket;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Ctl.Plan;

/// <summary>
/// <c>fos1ctl plan</c>: the sidecar's reconciliation as a dry run. It reads what the sidecar reads (AXFR of every
/// configured zone with its key, Kea's leases over the configured control channel), plans with the same planner and
/// prints the adds and removes with their reasons; nothing is sent. Exit 0 no drift, 1 drift, 2 bad configuration,
/// 3 Kea or DNS unreachable. Forward-only subnets (DHCPv4Service reverse: false) are known only to the running
/// sidecar: here every lease wants its PTR.
/// </summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var config = new ConfigOptions();
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON" };
        var command = new Command("plan", "Dry-run reconciliation: what would be added or removed in DNS, and why (changes nothing)");
        config.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var error = parsed.InvocationConfiguration.Error;
            using var settings = await config.LoadAsync(parsed).ConfigureAwait(false);
            if (settings is null)
            {
                return ExitCodes.BadConfiguration;
            }

            if (await ConfigurationProblems.PrintAsync(settings, error).ConfigureAwait(false))
            {
                return ExitCodes.BadConfiguration;
            }

            var services = settings.Services;
            var reconciliation = services.GetRequiredService<IOptions<ReconciliationOptions>>().Value;
            if (!reconciliation.Enabled)
            {
                await error.WriteLineAsync("fos1ctl: Fos1:Reconciliation:Dhcp4ControlSocket, Dhcp6ControlSocket or ControlAgentUrl is required: plan reads the leases over Kea's control channel")
                    .ConfigureAwait(false);
                return ExitCodes.BadConfiguration;
            }

            using var channels = new KeaControlChannelFactory();
            var survey = new ReconciliationSurvey(
                reconciliation,
                DdnsRoutingFactory.Create(services.GetRequiredService<IOptions<DhcpDdnsOptions>>().Value),
                services.GetRequiredService<IOptions<NamingOptions>>().Value.CreatePlanner(),
                channels,
                new KeaControlMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
                TimeProvider.System,
                services.GetRequiredService<ILoggerFactory>());
            ReconciliationSurveyResult result;
            try
            {
                result = await survey.RunAsync(ForwardOnlySubnets.None, new ProgressLines(error), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is KeaControlException or ZoneTransferException or IOException or SocketException)
            {
                await error.WriteLineAsync($"fos1ctl: nothing planned, a source could not be read: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreachable;
            }

            await parsed.InvocationConfiguration.Output.WriteAsync(parsed.GetValue(json) ? PlanReport.RenderJson(result) : PlanReport.RenderText(result))
                .ConfigureAwait(false);
            return result.Plan.Counts.Drift > 0 ? ExitCodes.Attention : ExitCodes.Success;
        });
        return command;
    }
}
