using System.Globalization;
using Fos1.Testbed.Network;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Mdns;

/// <summary>
/// A one-shot mDNS browser inside a namespace: a PTR query sent from port 5353 to 224.0.0.251 (so answers come
/// back by multicast, RFC 6762 section 6), and the PTR targets of every response heard within a window.
/// A .NET process cannot enter another network namespace, so a small python3 relay owns the socket there and
/// prints each datagram in hex; the DNS message is built and parsed here. (dig is no help: mDNS responders answer
/// from the link's address, not the one dig queried, and dig drops those replies.)
/// </summary>
public static class MdnsBrowser
{
    // argv: query hex, seconds to listen, interface. Prints one hex line per datagram received (its own query included).
    private const string Relay = """
        import binascii, socket, struct, sys, time
        query, seconds = binascii.unhexlify(sys.argv[1]), float(sys.argv[2])
        mreqn = socket.inet_aton("224.0.0.251") + socket.inet_aton("0.0.0.0") + struct.pack("i", socket.if_nametoindex(sys.argv[3]))
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        s.bind(("", 5353))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreqn)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, mreqn)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
        s.sendto(query, ("224.0.0.251", 5353))
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            s.settimeout(left)
            try:
                data, _ = s.recvfrom(9000)
            except socket.timeout:
                break
            print(data.hex(), flush=True)
        """;

    /// <summary>
    /// Sends one query for <paramref name="serviceType"/> (e.g. <c>_http._tcp.local</c>) out of
    /// <paramref name="interfaceName"/> and returns the service instance names answered on it within
    /// <paramref name="listen"/>, e.g. <c>web._http._tcp.local</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> BrowseAsync(
        NetworkNamespace space, string interfaceName, string serviceType, TimeSpan listen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(interfaceName);
        ArgumentNullException.ThrowIfNull(serviceType);
        var query = Convert.ToHexStringLower(MdnsWire.PtrQuery(serviceType));
        var seconds = listen.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var result = await ToolRun.RunCheckedAsync(space.Command(MdnsTools.Python3, ["-c", Relay, query, seconds, interfaceName]), cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => MdnsWire.PtrTargets(Convert.FromHexString(line), serviceType))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Browses again and again until <paramref name="instance"/> is answered; throws when the deadline passes first.</summary>
    public static async Task WaitUntilFoundAsync(
        NetworkNamespace space, string interfaceName, string serviceType, string instance, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var heard = new List<string>();
        await Poll.UntilAsync(
            async ct =>
            {
                var found = await BrowseAsync(space, interfaceName, serviceType, TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                heard.AddRange(found);
                return found.Contains(instance, StringComparer.OrdinalIgnoreCase);
            },
            timeout,
            $"{instance} to answer a query for {serviceType} on {interfaceName} in {space.Name}",
            () => $"heard: [{string.Join(", ", heard.Distinct())}]",
            cancellationToken).ConfigureAwait(false);
    }
}
