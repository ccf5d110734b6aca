using System.Net;
using Fos1.Dns.Server.Serving;
using Fos1.Dns.Server.Zones;
using Fos1.Testbed.Network;
using Fos1.Zones;
using Fos1.Zones.Policy;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Dns.Server.Tests.Serving;

/// <summary>An <see cref="UpdateServer"/> on 127.0.0.1 and a free port, over the sample zones in memory.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly UpdateServer _server;

    private RunningServer(UpdateServer server, InMemoryZoneStore store)
    {
        _server = server;
        Store = store;
    }

    public InMemoryZoneStore Store { get; }

    public IPEndPoint EndPoint => _server.UdpEndPoint;

    public LiveServingConfiguration Serving => _server.Serving;

    public Zone Home => Store.Find(Sample.Origin)!;

    public Zone Reverse => Store.Find(Sample.ReverseOrigin)!;

    public static RunningServer Start(UpdatePolicy? policy = null, TimeSpan? idleTimeout = null)
    {
        var store = Sample.Store();
        var endPoint = new IPEndPoint(IPAddress.Loopback, FreePort.ForUdpAndTcp());
        var options = Sample.Options(endPoint, policy) with { TcpIdleTimeout = idleTimeout ?? TimeSpan.FromSeconds(10) };
        var server = new UpdateServer(options, store, NullLogger<UpdateServer>.Instance);
        server.Start();
        return new RunningServer(server, store);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
