using System.Net;
using System.Security.Cryptography;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Network;

internal static class HostLinkWiring
{
    public static async Task<HostLink> CreateAsync(string id, NetworkNamespace server, CancellationToken cancellationToken)
    {
        var hostInterface = $"f1{id}h";
        var serverInterface = $"f1{id}u";
        var (hostAddress, serverAddress) = await PickSubnetAsync(cancellationToken).ConfigureAwait(false);
        await ToolRun.IpAsync(
            ["link", "add", hostInterface, "type", "veth", "peer", "name", serverInterface, "netns", server.Name],
            cancellationToken).ConfigureAwait(false);
        try
        {
            await ToolRun.IpAsync(["link", "set", "dev", hostInterface, "addrgenmode", "none"], cancellationToken).ConfigureAwait(false);
            await ToolRun.IpAsync(["addr", "add", $"{hostAddress}/30", "dev", hostInterface], cancellationToken).ConfigureAwait(false);
            await ToolRun.IpAsync(["link", "set", "dev", hostInterface, "up"], cancellationToken).ConfigureAwait(false);
            await server.IpAsync(["link", "set", "dev", serverInterface, "addrgenmode", "none"], cancellationToken).ConfigureAwait(false);
            await server.IpAsync(["addr", "add", $"{serverAddress}/30", "dev", serverInterface], cancellationToken).ConfigureAwait(false);
            await server.IpAsync(["link", "set", "dev", serverInterface, "up"], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ToolRun.RunAsync(CliWrap.Cli.Wrap(Tool.Ip.Path).WithArguments(["link", "del", hostInterface]), CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }

        return new HostLink(hostInterface, hostAddress, serverInterface, serverAddress);
    }

    // A random /30 in 198.18.0.0/15 that no interface of the root namespace uses yet.
    private static async Task<(IPAddress Host, IPAddress Server)> PickSubnetAsync(CancellationToken cancellationToken)
    {
        var existing = (await ToolRun.IpAsync(["-4", "-o", "addr", "show"], cancellationToken).ConfigureAwait(false)).StandardOutput;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var block = RandomNumberGenerator.GetInt32(0, 1 << 15) * 4;
            var network = (198u << 24) | (18u << 16) | (uint)block;
            var host = ToAddress(network + 1);
            var server = ToAddress(network + 2);
            if (!existing.Contains($" {host}/", StringComparison.Ordinal) && !existing.Contains($" {server}/", StringComparison.Ordinal))
            {
                return (host, server);
            }
        }

        throw new InvalidOperationException("No free /30 left in 198.18.0.0/15.");
    }

    private static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
