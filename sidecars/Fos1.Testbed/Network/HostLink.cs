using System.Net;

namespace Fos1.Testbed.Network;

/// <summary>
/// A veth pair between the root namespace (where the test process and its in-process sidecar live) and a lab's
/// server namespace, on a random /30 of 198.18.0.0/15 (RFC 2544 benchmarking range). Kea inside the namespace
/// sends NameChangeRequests to <see cref="HostAddress"/>; a listener in the test process binds that address.
/// </summary>
public sealed record HostLink(string HostInterface, IPAddress HostAddress, string ServerInterface, IPAddress ServerAddress);
