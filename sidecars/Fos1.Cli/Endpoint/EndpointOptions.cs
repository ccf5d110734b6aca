using System.CommandLine;

namespace Fos1.Ctl.Endpoint;

/// <summary>The options every endpoint command shares: where the sidecar listens, how long to wait.</summary>
internal sealed class EndpointOptions
{
    public Option<string> Endpoint { get; } = new("--endpoint")
    {
        Description = "The kea sidecar's Observability:HttpEndpoint (host:port or URL)",
        DefaultValueFactory = _ => SidecarEndpointClient.DefaultEndpoint,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the sidecar's JSON answer as served" };

    public Option<int> Timeout { get; }

    public EndpointOptions(int defaultTimeoutSeconds)
    {
        Timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the answer",
            DefaultValueFactory = _ => defaultTimeoutSeconds,
        };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Json);
        command.Options.Add(Timeout);
    }

    /// <summary>Runs <paramref name="use"/> with a client for the parsed endpoint; a bad endpoint is exit code 2.</summary>
    public async Task<int> WithClientAsync(ParseResult parsed, Func<SidecarEndpointClient, Task<int>> use)
    {
        var error = parsed.InvocationConfiguration.Error;
        if (!SidecarEndpointClient.TryParseEndpoint(parsed.GetValue(Endpoint), out var endpoint) || endpoint is null)
        {
            await error.WriteLineAsync($"--endpoint '{parsed.GetValue(Endpoint)}' is not host:port or an http URL").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(Timeout))) };
        try
        {
            return await use(new SidecarEndpointClient(http, endpoint)).ConfigureAwait(false);
        }
        catch (SidecarEndpointException e)
        {
            await error.WriteLineAsync($"fos1ctl: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
    }
}
