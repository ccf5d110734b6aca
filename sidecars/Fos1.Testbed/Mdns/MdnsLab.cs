using Fos1.Testbed.Network;

namespace Fos1.Testbed.Mdns;

/// <summary>
/// Three namespaces in a row, A - Router - B, joined by two veths: A and B share no link, so mDNS (link-local
/// multicast, never routed) from A reaches B only when something in Router reflects it. Interface names are
/// fixed (each lives in its own namespace); addresses are documentation prefixes, only inside the namespaces.
/// </summary>
public sealed class MdnsLab : IAsyncDisposable
{
    public const string AInterface = "mdns-a";
    public const string RouterAInterface = "mdns-ra";
    public const string RouterBInterface = "mdns-rb";
    public const string BInterface = "mdns-b";

    private MdnsLab(NetworkNamespace a, NetworkNamespace router, NetworkNamespace b)
    {
        A = a;
        Router = router;
        B = b;
    }

    public NetworkNamespace A { get; }

    public NetworkNamespace Router { get; }

    public NetworkNamespace B { get; }

    public static async Task<MdnsLab> CreateAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<NetworkNamespace>();
        try
        {
            foreach (var suffix in new[] { "mdns-a", "mdns-r", "mdns-b" })
            {
                created.Add(await NetworkNamespace.CreateAsync(suffix, cancellationToken).ConfigureAwait(false));
            }

            var lab = new MdnsLab(created[0], created[1], created[2]);
            await LinkAsync(lab.A, AInterface, "198.51.100.2/24", lab.Router, RouterAInterface, "198.51.100.1/24", cancellationToken).ConfigureAwait(false);
            await LinkAsync(lab.B, BInterface, "203.0.113.2/24", lab.Router, RouterBInterface, "203.0.113.1/24", cancellationToken).ConfigureAwait(false);

            // Hosts send multicast out of their one link; without a route the kernel finds none ("Network is unreachable").
            await lab.A.IpAsync(["route", "add", "224.0.0.0/4", "dev", AInterface], cancellationToken).ConfigureAwait(false);
            await lab.B.IpAsync(["route", "add", "224.0.0.0/4", "dev", BInterface], cancellationToken).ConfigureAwait(false);
            return lab;
        }
        catch
        {
            foreach (var space in created)
            {
                await space.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The interface names in <see cref="Router"/>: what the node's interface list is to the renderer.</summary>
    public async Task<IReadOnlyList<string>> RouterInterfacesAsync(CancellationToken cancellationToken = default)
    {
        var output = await Router.IpOutputAsync(["-o", "link", "show"], cancellationToken).ConfigureAwait(false);

        // "2: mdns-ra@if3: <BROADCAST,...": the name ends at '@' (veth peer) or ':'.
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3)[1].Trim().Split('@')[0])
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync().ConfigureAwait(false);
        await Router.DisposeAsync().ConfigureAwait(false);
        await B.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task LinkAsync(
        NetworkNamespace left, string leftName, string leftAddress,
        NetworkNamespace right, string rightName, string rightAddress,
        CancellationToken cancellationToken)
    {
        await left.IpAsync(["link", "add", leftName, "type", "veth", "peer", "name", rightName, "netns", right.Name], cancellationToken)
            .ConfigureAwait(false);
        await left.IpAsync(["addr", "add", leftAddress, "dev", leftName], cancellationToken).ConfigureAwait(false);
        await left.IpAsync(["link", "set", "dev", leftName, "up"], cancellationToken).ConfigureAwait(false);
        await right.IpAsync(["addr", "add", rightAddress, "dev", rightName], cancellationToken).ConfigureAwait(false);
        await right.IpAsync(["link", "set", "dev", rightName, "up"], cancellationToken).ConfigureAwait(false);
    }
}
