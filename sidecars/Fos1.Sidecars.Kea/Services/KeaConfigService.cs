using System.Net;
using Fos1.Crds.Dhcp;
using Fos1.Kea.Configuration.Applying;
using Fos1.Kea.Configuration.Rendering;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Sidecars.Kea.Configuration;
using Fos1.Sidecars.Kea.Pipeline;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Services;

/// <summary>
/// DHCPv4Service -> kea-dhcp4 (or DHCPv6Service -> kea-dhcp6): an informer over the kind and a controller with
/// one key for the family. Every replica applies to its own Kea; only the status leader writes status, and a
/// replica that becomes leader reconciles again at once. Re-applies periodically so a Kea restarted from an
/// older file converges.
/// </summary>
public sealed partial class KeaConfigService<T>(
    KeaConfigFamily<T> family,
    KubernetesApi kubernetes,
    IOptions<KubernetesOptions> kubernetesOptions,
    IOptions<KeaConfigOptions> options,
    IOptions<ReconciliationOptions> reconciliation,
    IOptions<DhcpDdnsOptions> ddns,
    StatusLeadership leadership,
    ForwardOnlyScope forwardOnly,
    KeaConfigMetrics metrics,
    KeaControlChannelFactory channels,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
    where T : class, IKubernetesObject<V1ObjectMeta>, IHasStatus<DhcpServiceStatus>
{
    private readonly ILogger _logger = loggers.CreateLogger<KeaConfigService<T>>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var familySettings = settings.For(family.Family);
        var template = await KeaConfigTemplate.LoadAsync(familySettings.Template, stoppingToken).ConfigureAwait(false);
        if (template.Family != family.Family)
        {
            throw new InvalidOperationException(
                $"{KeaConfigOptions.SectionName}:Dhcp{family.Family}:Template '{familySettings.Template}' holds a {template.RootName} configuration");
        }

        var (socket, agent) = KeaControlChannelFactory.Resolve(family.Family, familySettings, reconciliation.Value);
        var channel = channels.Create(family.Family, socket, agent);
        using var applier = new KeaConfigApplier(channel, metrics, loggers.CreateLogger<KeaConfigApplier>());
        var client = new CustomResourceClient<T>(kubernetes, family.Kind);
        var informer = new Informer<T>(client, kubernetesOptions.Value.ForInformers(), time, loggers.CreateLogger<Informer<T>>());
        var reconciler = new KeaConfigReconciler<T>(
            family,
            template,
            RenderOptions(settings, familySettings, agent is null ? socket : null),
            informer.Lister,
            applier,
            new StatusWriter<T, DhcpServiceStatus>(client, loggers.CreateLogger<StatusWriter<T, DhcpServiceStatus>>()),
            leadership,
            forwardOnly,
            metrics,
            TimeSpan.FromSeconds(settings.ReapplySeconds),
            time,
            _logger);

        var key = new ReconcileRequest(null, family.Key);
        Controller<T>? controller = null;
        using var running = new Controller<T>(
            family.Key,
            informer,
            (request, cancellationToken) =>
            {
                if (request == key)
                {
                    return reconciler.ReconcileAsync(cancellationToken);
                }

                // The informer queues one key per resource; the whole family renders into one configuration, so
                // they all fold into the family key (queued once however many resources changed).
                controller!.Enqueue(key);
                return Task.FromResult(ReconcileResult.Done);
            },
            new ControllerOptions { Workers = 1 },
            time,
            loggers.CreateLogger<Controller<T>>());
        controller = running;
        void OnAcquired() => running.Enqueue(key);
        leadership.Acquired += OnAcquired;
        try
        {
            LogStarting(family.Family, family.Kind.Kind, channel.Endpoint, familySettings.Template);
            running.Enqueue(key);
            await running.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            leadership.Acquired -= OnAcquired;
        }
    }

    private KeaRenderOptions RenderOptions(KeaConfigOptions settings, KeaConfigFamilyOptions familySettings, string? controlSocket) => new()
    {
        ControlSocketPath = controlSocket,
        HookScriptPath = NullIfEmpty(settings.HookScript),
        LeaseFile = NullIfEmpty(familySettings.LeaseFile),
        DataDirectory = NullIfEmpty(familySettings.DataDirectory),
        DefaultInterfaces = familySettings.Interfaces.Count == 0 ? null : [.. familySettings.Interfaces],
        NcrServerAddress = NcrServer(settings),
        NcrServerPort = settings.NcrServerPort ?? ddns.Value.Port,
    };

    // The sidecar may listen on every address; Kea must be told one it can send to.
    private IPAddress NcrServer(KeaConfigOptions settings)
    {
        var address = IPAddress.Parse(NullIfEmpty(settings.NcrServerAddress) ?? ddns.Value.IpAddress);
        return address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(EventId = 610, Level = LogLevel.Information,
        Message = "kea-dhcp{Family} configuration follows {Kind} resources through {Endpoint}, template {Template}")]
    private partial void LogStarting(int family, string kind, string endpoint, string template);
}
