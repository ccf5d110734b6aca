using System.Net;
using Fos1.Testbed.Processes;

namespace Fos1.Testbed.Network;

/// <summary>
/// Two namespaces joined by a veth pair: the server side (192.0.2.1/24, 2001:db8:1::1/64, fe80::1 besides the kernel's own link-local address) where Kea
/// runs, and the client side (192.0.2.2/24, 2001:db8:1::2/64, fe80::2) where perfdhcp runs. The addresses exist
/// only inside the namespaces. Optionally a <see cref="HostLink"/> to the root namespace.
/// </summary>
/// <remarks>
/// Each namespace has its own loopback. Two ways to connect Kea (server namespace) to an NCR receiver:
/// run the receiver (BIND, D2, the sidecar as a process) inside <see cref="Server"/> via
/// <see cref="NetworkNamespace.Command(Tool, IEnumerable{string})"/> and point Kea at 127.0.0.1; or keep the
/// receiver in the test process and point Kea at <see cref="HostLink"/>.HostAddress.
/// </remarks>
public sealed class DhcpLab : IAsyncDisposable
{
    public static readonly IPAddress ServerAddress4 = IPAddress.Parse("192.0.2.1");
    public static readonly IPAddress ClientAddress4 = IPAddress.Parse("192.0.2.2");
    public static readonly IPAddress ServerAddress6 = IPAddress.Parse("2001:db8:1::1");
    public static readonly IPAddress ClientAddress6 = IPAddress.Parse("2001:db8:1::2");

    private DhcpLab(string id, NetworkNamespace server, NetworkNamespace client)
    {
        Id = id;
        Server = server;
        Client = client;
        ServerInterface = $"f1{id}s";
        ClientInterface = $"f1{id}c";
    }

    public string Id { get; }

    public NetworkNamespace Server { get; }

    public NetworkNamespace Client { get; }

    /// <summary>The veth end inside <see cref="Server"/>: Kea listens here.</summary>
    public string ServerInterface { get; }

    /// <summary>The veth end inside <see cref="Client"/>: perfdhcp sends from here.</summary>
    public string ClientInterface { get; }

    public HostLink? HostLink { get; private set; }

    public static async Task<DhcpLab> CreateAsync(DhcpLabOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DhcpLabOptions.Default;
        var id = UniqueId.Next();
        var server = await NetworkNamespace.CreateNamedAsync($"fos1-{id}-srv", cancellationToken).ConfigureAwait(false);
        NetworkNamespace? client = null;
        try
        {
            client = await NetworkNamespace.CreateNamedAsync($"fos1-{id}-cli", cancellationToken).ConfigureAwait(false);
            var lab = new DhcpLab(id, server, client);
            try
            {
                await lab.WireAsync(options, cancellationToken).ConfigureAwait(false);
                return lab;
            }
            catch
            {
                await lab.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch when (client is null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
        if (HostLink is { } link)
        {
            // Deleting the server namespace destroys the pair; this only matters if a process kept it alive.
            await Poll.UntilAsync(
                () => !File.Exists($"/sys/class/net/{link.HostInterface}/ifindex"),
                TimeSpan.FromSeconds(10),
                $"host link {link.HostInterface} to disappear").ConfigureAwait(false);
        }
    }

    private async Task WireAsync(DhcpLabOptions options, CancellationToken cancellationToken)
    {
        await ToolRun.IpAsync(
            ["link", "add", ServerInterface, "netns", Server.Name, "type", "veth", "peer", "name", ClientInterface, "netns", Client.Name],
            cancellationToken).ConfigureAwait(false);
        await ConfigureEndAsync(Server, ServerInterface, "192.0.2.1/24", "2001:db8:1::1/64", "fe80::1/64", cancellationToken).ConfigureAwait(false);
        await ConfigureEndAsync(Client, ClientInterface, "192.0.2.2/24", "2001:db8:1::2/64", "fe80::2/64", cancellationToken).ConfigureAwait(false);
        if (options.WithHostLink)
        {
            HostLink = await HostLinkWiring.CreateAsync(Id, Server, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ConfigureEndAsync(
        NetworkNamespace space, string name, string v4, string v6, string linkLocal, CancellationToken cancellationToken)
    {
        // No duplicate address detection: a tentative address (DAD takes ~2 s) makes kea-dhcp6 and perfdhcp -6
        // fail to bind. (`addrgenmode none` would avoid DAD too, but then the kernel adds no ff00::/8 route and
        // perfdhcp -6 gets "Network is unreachable".)
        await space.SetSysctlAsync($"net.ipv6.conf.{name}.accept_dad", "0", cancellationToken).ConfigureAwait(false);
        await space.IpAsync(["addr", "add", v4, "dev", name], cancellationToken).ConfigureAwait(false);
        await space.IpAsync(["-6", "addr", "add", linkLocal, "dev", name, "nodad"], cancellationToken).ConfigureAwait(false);
        await space.IpAsync(["-6", "addr", "add", v6, "dev", name, "nodad"], cancellationToken).ConfigureAwait(false);
        await space.IpAsync(["link", "set", "dev", name, "up"], cancellationToken).ConfigureAwait(false);
        await Poll.UntilAsync(
            async ct => !(await space.IpOutputAsync(["-6", "addr", "show", "dev", name], ct).ConfigureAwait(false))
                .Contains("tentative", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            $"the IPv6 addresses of {name} to become usable",
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
