using Fos1.Crds.Dns;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Controllers;
using Fos1.Kubernetes.Hosting;
using Fos1.Kubernetes.Informers;
using Fos1.Kubernetes.Queues;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Status;
using Fos1.Mdns.Applying;
using Fos1.Mdns.Interfaces;
using Fos1.Mdns.Rendering;
using Fos1.Sidecars.Config.Configuration;
using Fos1.Sidecars.Config.Resources;
using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Config.Mdns;

/// <summary>
/// MDNSReflector -> avahi-daemon.conf: every change renders the whole set against this node's interfaces
/// (<see cref="NodeInterfaces.FromSystem"/>), <see cref="AvahiConfigFile"/> replaces the file and restarts avahi
/// only when the text changed, and each CR's Ready condition names the node (status leader only). Rendered again
/// every ResyncInterval, since the node's interfaces can change without any CR changing.
/// </summary>
public sealed partial class MdnsResourceService(
    KubernetesApi kubernetes,
    IOptions<KubernetesOptions> kubernetesOptions,
    IOptions<ConfigSidecarOptions> options,
    StatusLeadership leadership,
    TimeProvider time,
    ILoggerFactory loggers,
    System.Diagnostics.Metrics.IMeterFactory? meterFactory = null,
    Operations.InformerSync? sync = null) : BackgroundService
{
    /// <summary>The one work-queue key: the set of MDNSReflector resources.</summary>
    public static readonly ReconcileRequest All = new(null, "mdnsreflectors");

    private readonly ILogger _logger = loggers.CreateLogger<MdnsResourceService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Mdns;
        var client = new CustomResourceClient<MdnsReflector>(kubernetes, DnsKinds.MdnsReflector);
        var informer = new Informer<MdnsReflector>(client, kubernetesOptions.Value.ForInformers(), time, loggers.CreateLogger<Informer<MdnsReflector>>());
        sync?.Track(DnsKinds.MdnsReflector.Kind, () => informer.HasSynced);
        var status = new StatusWriter<MdnsReflector, ResourceStatus>(client, loggers.CreateLogger<StatusWriter<MdnsReflector, ResourceStatus>>());
        var file = new AvahiConfigFile(settings.ConfigFile, new AvahiSignalRestart(settings.PidFile, settings.KillExecutable), loggers.CreateLogger<AvahiConfigFile>(),
            meterFactory is null ? null : new AvahiMetrics(meterFactory));
        var renderOptions = settings.RenderOptions();
        var node = settings.EffectiveNodeName();

        async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            if (request != All)
            {
                return ReconcileResult.Done;
            }

            var reflectors = informer.Lister.List();
            var rendering = AvahiConfigRenderer.Render(reflectors, NodeInterfaces.FromSystem(), renderOptions);
            var result = await file.ApplyAsync(rendering.Text, cancellationToken).ConfigureAwait(false);
            LogApplied(file.Path, result, rendering.Effective is { } e ? $"{e.Namespace}/{e.Name}" : "none", rendering.Reflecting);
            var failures = 0;
            foreach (var outcome in leadership.MayWriteStatus ? rendering.Outcomes : [])
            {
                failures += await WriteAsync(status, informer, outcome, node, cancellationToken).ConfigureAwait(false) ? 0 : 1;
            }

            return failures == 0 ? ReconcileResult.RequeueAfter(settings.ResyncInterval) : ReconcileResult.Failed($"{failures} status writes failed");
        }

        using var controller = new Controller<MdnsReflector>(
            "mdns", informer, ReconcileAsync,
            new ControllerOptions { Workers = 1, Queue = new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = settings.ResyncInterval } },
            time, loggers.CreateLogger<Controller<MdnsReflector>>());
        informer.AddHandler(change =>
        {
            if (SpecChanges.Matter(change))
            {
                controller.Enqueue(All);
            }
        });
        void OnAcquired() => controller.Enqueue(All);
        leadership.Acquired += OnAcquired;
        try
        {
            LogStarting(settings.ConfigFile, settings.PidFile, node);
            controller.Enqueue(All);
            await controller.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            leadership.Acquired -= OnAcquired;
        }
    }

    private async Task<bool> WriteAsync(
        StatusWriter<MdnsReflector, ResourceStatus> writer, Informer<MdnsReflector> informer, MdnsReflectorOutcome outcome, string node, CancellationToken cancellationToken)
    {
        if (informer.Lister.Get(outcome.Namespace.Length == 0 ? null : outcome.Namespace, outcome.Name) is not { } reflector)
        {
            return true;
        }

        try
        {
            // Each node's sidecar judges the interfaces by its own node: the message says which one wrote it.
            var next = (outcome with { Message = $"node {node}: {outcome.Message}" }).ToStatus(time.GetUtcNow(), reflector.Status);
            await writer.WriteAsync(reflector, next, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStatusFailed(e, outcome.Namespace, outcome.Name);
            return false;
        }
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Information,
        Message = "avahi-daemon.conf {Path} follows MDNSReflector resources (avahi pid file {PidFile}, node {Node})")]
    private partial void LogStarting(string path, string pidFile, string node);

    [LoggerMessage(EventId = 721, Level = LogLevel.Information,
        Message = "Rendered {Path}: {Result} (in effect: {Effective}, reflecting: {Reflecting})")]
    private partial void LogApplied(string path, AvahiApplyResult result, string effective, bool reflecting);

    [LoggerMessage(EventId = 722, Level = LogLevel.Warning, Message = "Could not write the status of MDNSReflector {Namespace}/{Name}")]
    private partial void LogStatusFailed(Exception exception, string @namespace, string name);
}
