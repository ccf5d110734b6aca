using System.CommandLine;
using Fos1.Ctl.Endpoint;

namespace Fos1.Ctl.Status;

/// <summary><c>fos1ctl status</c>: GET /status; exit 0 ready, 1 not ready, 3 unreachable.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var endpoint = new EndpointOptions(defaultTimeoutSeconds: 10);
        var command = new Command("status", "Show the kea sidecar's sources, zones, outbox, readiness and last errors (GET /status)");
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => endpoint.WithClientAsync(parsed, async client =>
        {
            var (status, body) = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var output = parsed.InvocationConfiguration.Output;
            await output.WriteAsync(parsed.GetValue(endpoint.Json) ? body.TrimEnd() + Environment.NewLine : StatusSummary.Render(status, DateTimeOffset.UtcNow))
                .ConfigureAwait(false);
            return status.Ready ? ExitCodes.Success : ExitCodes.Attention;
        }));
        return command;
    }
}
