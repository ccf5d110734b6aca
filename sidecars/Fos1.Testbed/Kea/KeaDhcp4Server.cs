using Fos1.Testbed.Network;

namespace Fos1.Testbed.Kea;

/// <summary>
/// kea-dhcp4 in a lab's server namespace: subnet 192.0.2.0/24, pool 192.0.2.100-192.0.2.200, every client named
/// PREFIX-192-0-2-N.SUFFIX (<c>ddns-replace-client-name: always</c>).
/// </summary>
public sealed class KeaDhcp4Server : KeaDhcpServer
{
    private KeaDhcp4Server(string directory, Processes.DaemonProcess process)
        : base(4, directory, process)
    {
    }

    public static async Task<KeaDhcp4Server> StartAsync(DhcpLab lab, KeaDhcpOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (directory, process) = await LaunchAsync(4, lab, options ?? KeaDhcpOptions.Default, cancellationToken).ConfigureAwait(false);
        return new KeaDhcp4Server(directory, process);
    }
}
