using System.Diagnostics;
using System.Globalization;
using CliWrap;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Network;

/// <summary>
/// A Linux network namespace we created (<c>ip netns add</c>). Disposing it kills the processes still inside it
/// (they can only be ours) and deletes it, which also deletes the interfaces in it.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>A fresh namespace named <c>fos1-RANDOM-suffix</c>, with loopback up.</summary>
    public static Task<NetworkNamespace> CreateAsync(string suffix, CancellationToken cancellationToken = default) =>
        CreateNamedAsync($"fos1-{UniqueId.Next()}-{suffix}", cancellationToken);

    public static async Task<NetworkNamespace> CreateNamedAsync(string name, CancellationToken cancellationToken = default)
    {
        await ToolRun.IpAsync(["netns", "add", name], cancellationToken).ConfigureAwait(false);
        var created = new NetworkNamespace(name);
        try
        {
            await created.IpAsync(["link", "set", "lo", "up"], cancellationToken).ConfigureAwait(false);
            return created;
        }
        catch
        {
            await created.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>All namespaces that exist now (<c>ip netns list</c>).</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = await ToolRun.IpAsync(["netns", "list"], cancellationToken).ConfigureAwait(false);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .ToList();
    }

    /// <summary>A command that runs <paramref name="tool"/> inside this namespace (<c>ip netns exec</c>, which execs: the pid is the tool's).</summary>
    public Command Command(Tool tool, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Command(tool.Path, arguments);
    }

    public Command Command(string executablePath, IEnumerable<string> arguments) =>
        Cli.Wrap(Tool.Ip.Path).WithArguments(["netns", "exec", Name, executablePath, .. arguments]);

    /// <summary>Runs <c>ip -n NAME ARGS</c> and throws when it fails.</summary>
    public Task IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        ToolRun.IpAsync(["-n", Name, .. arguments], cancellationToken);

    /// <summary>Runs <c>ip -n NAME ARGS</c> and returns its output.</summary>
    public async Task<string> IpOutputAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        (await ToolRun.IpAsync(["-n", Name, .. arguments], cancellationToken).ConfigureAwait(false)).StandardOutput;

    /// <summary>Writes a sysctl inside the namespace (the <c>net.*</c> tree is per namespace).</summary>
    public Task SetSysctlAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = "/proc/sys/" + key.Replace('.', '/');
        return ToolRun.RunCheckedAsync(Command("/bin/sh", ["-c", $"echo {value} > {path}"]), cancellationToken);
    }

    /// <summary>Ports with a TCP or UDP socket inside this namespace.</summary>
    public async Task<HashSet<int>> UsedPortsAsync(CancellationToken cancellationToken = default)
    {
        var result = await ToolRun.RunCheckedAsync(
            Command("/bin/cat", ["/proc/net/udp", "/proc/net/udp6", "/proc/net/tcp", "/proc/net/tcp6"]),
            cancellationToken).ConfigureAwait(false);
        var ports = new HashSet<int>();
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && fields[1].Contains(':', StringComparison.Ordinal) && fields[0].EndsWith(':'))
            {
                ports.Add(int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return ports;
    }

    /// <summary>Processes running inside this namespace (<c>ip netns pids</c>).</summary>
    public async Task<IReadOnlyList<int>> ProcessIdsAsync(CancellationToken cancellationToken = default)
    {
        var result = await ToolRun.RunAsync(Cli.Wrap(Tool.Ip.Path).WithArguments(["netns", "pids", Name]), cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pid => int.Parse(pid, CultureInfo.InvariantCulture))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        // A process left inside keeps the namespace (and its veths) alive after `ip netns del`.
        foreach (var pid in await ProcessIdsAsync().ConfigureAwait(false))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        await ToolRun.RunAsync(Cli.Wrap(Tool.Ip.Path).WithArguments(["netns", "del", Name])).ConfigureAwait(false);
        await Poll.UntilAsync(
            async ct => !(await ListAsync(ct).ConfigureAwait(false)).Contains(Name),
            TimeSpan.FromSeconds(10),
            $"namespace {Name} to be deleted").ConfigureAwait(false);
    }

    public override string ToString() => Name;
}
