using Fos1.Crds.Dns;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Queues;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Sidecars.Config.Configuration;
using Fos1.Sidecars.Config.Resources;
using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Config.AdGuard;

/// <summary>
/// DNSFilterList + DNSClient -> AdGuard Home through its HTTP API. Both kinds feed one work-queue key, <see cref="All"/>:
/// the whole set is built into one desired state (conflicts are decided over the set) and converged with
/// <see cref="AdGuardApplier"/>, then each CR's status is written (status leader only). Converged again every
/// ResyncInterval, so a hand edit of what fos1 owns is put back; AdGuard unreachable is retried with backoff
/// (up to ResyncInterval) and reported as Ready=Unknown AdGuardUnreachable.
/// </summary>
public sealed partial class AdGuardResourceService(
    KubernetesApi kubernetes,
    IOptions<KubernetesOptions> kubernetesOptions,
    IOptions<ConfigSidecarOptions> options,
    StatusLeadership leadership,
    TimeProvider time,
    ILoggerFactory loggers,
    System.Diagnostics.Metrics.IMeterFactory? meterFactory = null,
    Operations.InformerSync? sync = null,
    Operations.AdGuardReachability? reachability = null) : BackgroundService
{
    /// <summary>The one work-queue key: the set of DNSFilterList and DNSClient resources.</summary>
    public static readonly ReconcileRequest All = new(null, "dnsfilterlists+dnsclients");

    private readonly ILogger _logger = loggers.CreateLogger<AdGuardResourceService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.AdGuard;
        var informerOptions = kubernetesOptions.Value.ForInformers();
        var listClient = new CustomResourceClient<DnsFilterList>(kubernetes, DnsKinds.FilterList);
        var clientClient = new CustomResourceClient<DnsClient>(kubernetes, DnsKinds.Client);
        var lists = new Informer<DnsFilterList>(listClient, informerOptions, time, loggers.CreateLogger<Informer<DnsFilterList>>());
        var clients = new Informer<DnsClient>(clientClient, informerOptions, time, loggers.CreateLogger<Informer<DnsClient>>());
        using var http = new HttpClient { BaseAddress = settings.ApiBaseAddress(), Timeout = settings.RequestTimeout };
        var reconciler = new AdGuardReconciler(
            settings, lists, clients,
            new StatusWriter<DnsFilterList, ResourceStatus>(listClient, loggers.CreateLogger<StatusWriter<DnsFilterList, ResourceStatus>>()),
            new StatusWriter<DnsClient, ResourceStatus>(clientClient, loggers.CreateLogger<StatusWriter<DnsClient, ResourceStatus>>()),
            http, leadership, time, loggers, meterFactory is null ? null : new Fos1.AdGuard.Convergence.AdGuardMetrics(meterFactory), reachability);
        sync?.Track(DnsKinds.FilterList.Kind, () => lists.HasSynced);
        sync?.Track(DnsKinds.Client.Kind, () => clients.HasSynced);

        using var controller = new Controller<DnsFilterList>(
            "adguard",
            lists,
            (request, cancellationToken) => request == All ? reconciler.ReconcileAsync(cancellationToken) : Task.FromResult(ReconcileResult.Done),
            new ControllerOptions { Workers = 1, Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = settings.ResyncInterval } },
            time,
            loggers.CreateLogger<Controller<DnsFilterList>>());
        controller.Watches(clients, _ => []);
        lists.AddHandler(change => Enqueue(controller, SpecChanges.Matter(change)));
        clients.AddHandler(change => Enqueue(controller, SpecChanges.Matter(change)));
        void OnAcquired() => controller.Enqueue(All);
        leadership.Acquired += OnAcquired;
        try
        {
            LogStarting(settings.ApiUrl, settings.OwnEverything, settings.ResyncInterval);
            controller.Enqueue(All);
            await controller.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            leadership.Acquired -= OnAcquired;
        }
    }

    private static void Enqueue(Controller<DnsFilterList> controller, bool matters)
    {
        if (matters)
        {
            controller.Enqueue(All);
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information,
        Message = "AdGuard Home at {ApiUrl} follows DNSFilterList and DNSClient resources (own everything: {OwnEverything}, converged every {Resync})")]
    private partial void LogStarting(string apiUrl, bool ownEverything, TimeSpan resync);
}
