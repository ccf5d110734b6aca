using System.Net;
using Fos1.Dns.Server.Transfer;
using Fos1.Dns.Tsig;
using Fos1.Zones.Policy;

namespace Fos1.Dns.Server.Serving;

/// <summary>
/// Where the server listens (UDP and TCP on the same endpoint; port 0 picks one), which TSIG keys it
/// accepts and who may change what. TSIG is required unless the policy allows anonymous updates.
/// </summary>
public sealed record UpdateServerOptions(IPEndPoint EndPoint, IReadOnlyList<TsigKey> Keys, UpdatePolicy Policy)
{
    /// <summary>A TCP connection with no complete message for this long is closed (RFC 7766 section 6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Fudge written into signed responses (RFC 8945 recommends 300 s).</summary>
    public ushort Fudge { get; init; } = 300;

    /// <summary>Open TCP connections beyond this are closed at once.</summary>
    public int MaxTcpConnections { get; init; } = 256;

    /// <summary>Who may AXFR the served zones over TCP; nobody by default.</summary>
    public TransferPolicy Transfers { get; init; } = TransferPolicy.DenyAll;
}
