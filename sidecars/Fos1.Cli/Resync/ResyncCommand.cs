using System.CommandLine;
using System.Globalization;
using Fos1.Ctl.Endpoint;

namespace Fos1.Ctl.Resync;

/// <summary>
/// <c>fos1ctl resync</c>: POST /resync, one reconciliation run now. Exit 0: DNS already matched; 1: drift was found
/// and its changes queued; 2: reconciliation is not configured (409); 3: unreachable or the run failed.
/// </summary>
internal static class ResyncCommand
{
    public static Command Create()
    {
        var endpoint = new EndpointOptions(defaultTimeoutSeconds: 600);
        var command = new Command("resync", "Run a reconciliation now (POST /resync) and print what it queued");
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => endpoint.WithClientAsync(parsed, async client =>
        {
            var (result, refusal, body) = await client.ResyncAsync(cancellationToken).ConfigureAwait(false);
            var json = parsed.GetValue(endpoint.Json);
            if (result is null)
            {
                await (json ? parsed.InvocationConfiguration.Output : parsed.InvocationConfiguration.Error)
                    .WriteLineAsync(json ? body.TrimEnd() : $"fos1ctl: resync refused: {refusal}").ConfigureAwait(false);
                return ExitCodes.BadConfiguration;
            }

            await parsed.InvocationConfiguration.Output.WriteLineAsync(json ? body.TrimEnd() : Describe(result)).ConfigureAwait(false);
            return result.FoundDrift ? ExitCodes.Attention : ExitCodes.Success;
        }));
        return command;
    }

    public static string Describe(ResyncResult result) => string.Create(CultureInfo.InvariantCulture,
        $"Reconciled {result.Leases} active leases in {result.DurationMs:0.#} ms: {result.Added} to add, {result.Removed} to remove (queued), {result.Conflicts} conflicts left alone");
}
