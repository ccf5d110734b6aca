using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// A real kea-ctrl-agent on 127.0.0.1 (root namespace) forwarding to the unix control sockets of Kea daemons,
/// e.g. <c>{"dhcp4": server.ControlSocketPath}</c>. Disposing kills it and deletes its temporary directory.
/// </summary>
public sealed class KeaControlAgent : IAsyncDisposable
{
    public static readonly Tool Executable = new("kea-ctrl-agent", "kea-ctrl-agent");

    private readonly DaemonProcess _process;

    private KeaControlAgent(string directory, Uri url, DaemonProcess process)
    {
        Directory = directory;
        Url = url;
        _process = process;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Url { get; }

    public string Directory { get; }

    public string RecentOutput => _process.RecentOutput;

    /// <param name="sockets">Service name (dhcp4, dhcp6, d2) to the daemon's unix control socket path.</param>
    public static async Task<KeaControlAgent> StartAsync(IReadOnlyDictionary<string, string> sockets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        var path = Executable.Path;
        var port = FreePort.ForUdpAndTcp(IPAddress.Loopback);
        var directory = System.IO.Directory.CreateTempSubdirectory("fos1-ca-").FullName;
        var controlSockets = new JsonObject();
        foreach (var (service, socket) in sockets)
        {
            controlSockets[service] = new JsonObject { ["socket-type"] = "unix", ["socket-name"] = socket };
        }

        var config = new JsonObject
        {
            ["Control-agent"] = new JsonObject
            {
                ["http-host"] = "127.0.0.1",
                ["http-port"] = port,
                ["control-sockets"] = controlSockets,
                ["loggers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "kea-ctrl-agent",
                    ["severity"] = "INFO",
                    ["output_options"] = new JsonArray(new JsonObject { ["output"] = "stdout", ["flush"] = true }),
                }),
            },
        };
        var configPath = Path.Combine(directory, "kea-ctrl-agent.json");
        await File.WriteAllTextAsync(configPath, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken)
            .ConfigureAwait(false);
        var command = Cli.Wrap(path).WithArguments(["-c", configPath])
            .WithEnvironmentVariables(env => env.Set("KEA_PIDFILE_DIR", directory).Set("KEA_LOCKFILE_DIR", directory));
        var process = DaemonProcess.Start(Executable.Executable, command);
        var agent = new KeaControlAgent(directory, new Uri($"http://127.0.0.1:{port}/"), process);
        try
        {
            using var http = new HttpClient();
            await Poll.UntilAsync(
                async ct =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException("kea-ctrl-agent exited during start-up: " + process.Describe());
                    }

                    try
                    {
                        using var content = new StringContent("{\"command\":\"list-commands\"}", Encoding.UTF8);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        using var response = await http.PostAsync(agent.Url, content, ct).ConfigureAwait(false);
                        return response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(20),
                $"kea-ctrl-agent to answer on {agent.Url}",
                process.Describe,
                cancellationToken).ConfigureAwait(false);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
