using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

/// <summary>
/// kea-dhcp4/6 started again from the config file of a <see cref="KeaDhcpServer"/> that was shut down (e.g. with
/// the <c>shutdown</c> command), in the same directory and lab: proves what <c>config-write</c> left in the file.
/// Disposing stops the process; the directory stays with the original server, which deletes it.
/// </summary>
public sealed class KeaDhcpRestart : IAsyncDisposable
{
    private readonly DaemonProcess _process;

    private KeaDhcpRestart(DaemonProcess process, KeaControlSocket controlSocket)
    {
        _process = process;
        ControlSocket = controlSocket;
    }

    public KeaControlSocket ControlSocket { get; }

    public bool IsRunning => !_process.HasExited;

    public string RecentOutput => _process.RecentOutput;

    /// <exception cref="InvalidOperationException"><paramref name="stopped"/> still runs.</exception>
    public static async Task<KeaDhcpRestart> StartAsync(KeaDhcpServer stopped, DhcpLab lab, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        ArgumentNullException.ThrowIfNull(lab);
        if (stopped.IsRunning)
        {
            throw new InvalidOperationException($"kea-dhcp{stopped.Family} (pid {stopped.ProcessId}) still runs; shut it down before starting it again");
        }

        var tool = stopped.Family == 6 ? Tool.KeaDhcp6 : Tool.KeaDhcp4;
        var command = lab.Server.Command(tool, ["-c", stopped.ConfigPath])
            .WithEnvironmentVariables(env => env.Set("KEA_PIDFILE_DIR", stopped.Directory).Set("KEA_LOCKFILE_DIR", stopped.Directory));
        var process = DaemonProcess.Start(tool.Executable, command);
        try
        {
            await KeaReadiness.WaitAsync(
                process,
                stopped.ControlSocket,
                stopped.Family == 6 ? "DHCP6_STARTED" : "DHCP4_STARTED",
                timeout ?? TimeSpan.FromSeconds(20),
                cancellationToken).ConfigureAwait(false);
            return new KeaDhcpRestart(process, stopped.ControlSocket);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
