using System.Net;

namespace Fos1.Testbed.Kea;

/// <summary>One DHCPv4 lease row for <see cref="MemfileLeaseWriter"/>.</summary>
/// <param name="Hostname">Kea stores the FQDN it settled on (with or without the trailing dot); commas are not allowed.</param>
public sealed record MemfileLease4Row(
    IPAddress Address, byte[] HardwareAddress, byte[]? ClientId, uint ValidLifetime, DateTimeOffset Expires, uint SubnetId, string Hostname);
