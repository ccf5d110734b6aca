using System.Net.Sockets;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Kea;

internal static class KeaReadiness
{
    /// <summary>Waits until Kea logged <paramref name="startedMessage"/> and its control socket answers <c>list-commands</c>.</summary>
    public static Task WaitAsync(
        DaemonProcess process, KeaControlSocket? controlSocket, string startedMessage, TimeSpan timeout, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{process.Name} exited during start-up: {process.Describe()}");
                }

                if (process.OutputContains("OPEN_SOCKET_FAIL"))
                {
                    throw new InvalidOperationException($"{process.Name} could not open its DHCP socket: {process.Describe()}");
                }

                if (!process.OutputContains(startedMessage))
                {
                    return false;
                }

                if (controlSocket is null)
                {
                    return true;
                }

                try
                {
                    return (await controlSocket.SendAsync("list-commands", cancellationToken: ct).ConfigureAwait(false)).Result
                        == KeaCommandResult.Success;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            timeout,
            $"{process.Name} to start",
            process.Describe,
            cancellationToken);
}
