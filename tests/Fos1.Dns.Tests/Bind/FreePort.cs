using System.Net;
using System.Net.Sockets;

namespace Fos1.Dns.Tests.Bind;

internal static class FreePort
{
    /// <summary>
    /// A loopback port on which nothing listens over TCP or UDP. Binding without SO_REUSEPORT fails
    /// when a server (e.g. another named, which uses SO_REUSEPORT) already holds the port.
    /// </summary>
    public static int Pick()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // UDP side taken: try another port.
            }
        }

        throw new InvalidOperationException("found no free loopback port for TCP and UDP in 50 attempts");
    }
}
