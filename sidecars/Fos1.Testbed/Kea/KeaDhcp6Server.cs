using Fos1.Testbed.Network;

namespace Fos1.Testbed.Kea;

/// <summary>
/// kea-dhcp6 in a lab's server namespace: subnet 2001:db8:1::/64, pool 2001:db8:1::100-2001:db8:1::1ff, every
/// client named PREFIX-2001-db8-1--N.SUFFIX (<c>ddns-replace-client-name: always</c>).
/// </summary>
public sealed class KeaDhcp6Server : KeaDhcpServer
{
    private KeaDhcp6Server(string directory, Processes.DaemonProcess process)
        : base(6, directory, process)
    {
    }

    public static async Task<KeaDhcp6Server> StartAsync(DhcpLab lab, KeaDhcpOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (directory, process) = await LaunchAsync(6, lab, options ?? KeaDhcpOptions.Default, cancellationToken).ConfigureAwait(false);
        return new KeaDhcp6Server(directory, process);
    }
}
