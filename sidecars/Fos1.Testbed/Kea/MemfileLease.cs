using System.Net;

namespace Fos1.Testbed.Kea;

/// <summary>
/// A lease as Kea's memfile backend last wrote it. <see cref="ClientIdentifier"/> is the hwaddr (v4) or the DUID (v6).
/// </summary>
public sealed record MemfileLease(IPAddress Address, string ClientIdentifier, long ValidLifetime, DateTimeOffset Expires, string Hostname);
