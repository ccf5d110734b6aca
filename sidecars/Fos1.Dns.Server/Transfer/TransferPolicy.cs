using System.Net;

namespace Fos1.Dns.Server.Transfer;

/// <summary>
/// Who may transfer a zone: requests signed with one of <see cref="Keys"/>, and, when
/// <see cref="AllowUnsignedFromLoopback"/> is set, unsigned requests from a loopback address (a
/// CoreDNS <c>secondary</c> beside us). Everything else is REFUSED. The default denies everyone.
/// </summary>
public sealed record TransferPolicy(IReadOnlyList<DnsName> Keys, bool AllowUnsignedFromLoopback = false)
{
    public static TransferPolicy DenyAll { get; } = new([]);

    /// <param name="signer">The verified TSIG key name, or null for an unsigned request.</param>
    /// <param name="client">The client's address, when known.</param>
    public bool Permits(DnsName? signer, IPAddress? client) =>
        signer is null
            ? AllowUnsignedFromLoopback && client is not null && IPAddress.IsLoopback(client)
            : Keys.Contains(signer);
}
