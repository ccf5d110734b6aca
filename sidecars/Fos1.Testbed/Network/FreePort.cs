using System.Net;
using System.Net.Sockets;

namespace Fos1.Testbed.Network;

/// <summary>Picks ports that are free for both UDP and TCP, as a DNS server needs.</summary>
public static class FreePort
{
    // Ports handed out by this process stay reserved: two fixtures asking at once must not get the same one
    // before either daemon has bound it.
    private static readonly HashSet<int> Reserved = [];
    private static readonly Lock Gate = new();

    /// <summary>A port on which nothing in this network namespace uses UDP or listens on TCP, bindable on <paramref name="address"/>.</summary>
    public static int ForUdpAndTcp(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = CandidateFrom(address);
            if (IsFree(address, port) && TryReserve(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"Found no port free for both UDP and TCP on {address}.");
    }

    /// <summary>A port that is free inside <paramref name="networkNamespace"/> (a namespace we created: only our daemons are in it).</summary>
    public static async Task<int> ForUdpAndTcpAsync(NetworkNamespace networkNamespace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(networkNamespace);
        var used = await networkNamespace.UsedPortsAsync(cancellationToken).ConfigureAwait(false);
        for (var port = Random.Shared.Next(20000, 30000); port < 60000; port++)
        {
            if (!used.Contains(port) && TryReserve(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"Found no free port in namespace {networkNamespace.Name}.");
    }

    /// <summary>True when nothing in this namespace uses UDP or listens on TCP at <paramref name="port"/>.</summary>
    public static bool IsUnused(int port) => !SocketTable.IsPortInUse(port);

    private static int CandidateFrom(IPAddress address)
    {
        using var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)udp.LocalEndPoint!).Port;
    }

    private static bool IsFree(IPAddress address, int port)
    {
        if (SocketTable.IsPortInUse(port))
        {
            return false;
        }

        try
        {
            // Bind both without SO_REUSEPORT: this fails if a daemon (BIND uses SO_REUSEPORT) already holds the port.
            using var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, port));
            using var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool TryReserve(int port)
    {
        lock (Gate)
        {
            return Reserved.Add(port);
        }
    }
}
