using Fos1.Crds.Dns;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Configuration;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Config.AdGuard;

/// <summary>The DNSFilterList and DNSClient resources <c>init-adguard</c> renders AdGuardHome.yaml from.</summary>
public sealed record AdGuardResources(IReadOnlyList<DnsFilterList> Lists, IReadOnlyList<DnsClient> Clients)
{
    public static readonly AdGuardResources None = new([], []);

    /// <summary>
    /// How to list them from the API server, or null without the Kubernetes layer (the file then has no filters or
    /// clients).
    /// </summary>
    public static Func<CancellationToken, Task<AdGuardResources>>? Lister(IServiceProvider services, bool kubernetes)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!kubernetes)
        {
            return null;
        }

        var client = services.GetRequiredService<KubernetesApi>();
        var ns = services.GetRequiredService<IOptions<KubernetesOptions>>().Value.ForInformers().Namespace;
        return cancellationToken => ListAsync(client, ns, cancellationToken);
    }

    private static async Task<AdGuardResources> ListAsync(KubernetesApi client, string? ns, CancellationToken cancellationToken)
    {
        var lists = await ListAsync(new CustomResourceClient<DnsFilterList>(client, DnsKinds.FilterList), ns, cancellationToken).ConfigureAwait(false);
        var clients = await ListAsync(new CustomResourceClient<DnsClient>(client, DnsKinds.Client), ns, cancellationToken).ConfigureAwait(false);
        return new AdGuardResources(lists, clients);
    }

    private static async Task<IReadOnlyList<T>> ListAsync<T>(CustomResourceClient<T> resources, string? ns, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var items = new List<T>();
        string? next = null;
        do
        {
            var page = await resources.ListAsync(ns, 500, next, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            next = page.Continue;
        }
        while (next is not null);

        return items;
    }
}
