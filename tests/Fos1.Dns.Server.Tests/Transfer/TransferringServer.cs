using System.Net;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Transfer;
using Fos1.Dns.Server.Zones;
using Fos1.Testbed.Network;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Server.Tests.Transfer;

/// <summary>An <see cref="UpdateServer"/> over the sample zones on 127.0.0.1 and a free port, with a transfer policy.</summary>
internal sealed class TransferringServer : IAsyncDisposable
{
    private readonly UpdateServer _server;

    private TransferringServer(UpdateServer server, InMemoryZoneStore store)
    {
        _server = server;
        Store = store;
    }

    public InMemoryZoneStore Store { get; }

    public IPEndPoint EndPoint => _server.TcpEndPoint;

    public static TransferringServer Start(TransferPolicy transfers, InMemoryZoneStore? store = null)
    {
        store ??= Sample.Store();
        var options = Sample.Options(new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp())) with { Transfers = transfers };
        var server = new UpdateServer(options, store, NullLogger<UpdateServer>.Instance);
        server.Start();
        return new TransferringServer(server, store);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
