using System.Net.Sockets;
using Fos1.Observability.Configuration;

namespace Fos1.Observability.Tests.Configuration;

public sealed class ListenFailureTests
{
    [Fact]
    public void A_taken_address_wrapped_the_way_Kestrel_wraps_it_is_described_by_the_outer_message()
    {
        var kestrel = new IOException("Failed to bind to address http://127.0.0.1:9101: address already in use.",
            new InvalidOperationException("inner", new SocketException((int)SocketError.AddressAlreadyInUse)));

        Assert.Equal("Failed to bind to address http://127.0.0.1:9101: address already in use.", ListenFailure.Describe(kestrel));
    }

    [Fact]
    public void A_port_below_1024_without_the_capability_is_described()
    {
        Assert.NotNull(ListenFailure.Describe(new SocketException((int)SocketError.AccessDenied)));
    }

    [Fact]
    public void Other_failures_are_not_listen_failures()
    {
        Assert.Null(ListenFailure.Describe(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Null(ListenFailure.Describe(new InvalidOperationException("bug")));
    }
}
