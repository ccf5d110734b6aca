using System.Net;
using System.Net.Sockets;
using Fos1.Testbed.Network;

namespace Fos1.Testbed.Tests.Network;

public sealed class FreePortTests
{
    [Fact]
    public void A_free_port_can_be_bound_for_both_UDP_and_TCP_and_is_never_handed_out_twice()
    {
        var first = FreePort.ForUdpAndTcp();
        var second = FreePort.ForUdpAndTcp();

        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, first));
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, first));
        tcp.Listen();

        Assert.NotEqual(first, second);
        Assert.False(FreePort.IsUnused(first));
        Assert.True(FreePort.IsUnused(second));
    }
}
