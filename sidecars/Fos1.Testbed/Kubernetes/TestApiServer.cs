using System.Text.Json.Serialization.Metadata;
using System.Net;
using System.Text.Json.Nodes;
using Fos1.Kubernetes.Resources;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// A Kubernetes API server for tests (kube-apiserver cannot be installed here) speaking the real REST and
/// list/watch protocol over plain HTTP/1.1 on 127.0.0.1, so that the real KubernetesClient works against it
/// unchanged. Serves the custom kinds it is told to, and coordination.k8s.io/v1 Leases for leader election.
/// The store methods act server-side, as if kubectl had done them, and emit watch events like any write.
/// </summary>
public sealed class TestApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ResourceStore store;
    private readonly RequestCounters counters;

    private TestApiServer(WebApplication app, ResourceStore store, RequestCounters counters, Uri address)
    {
        this.app = app;
        this.store = store;
        this.counters = counters;
        Address = address;
        ClientConfiguration = new KubernetesClientConfiguration { Host = address.ToString() };
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Address { get; }

    public KubernetesClientConfiguration ClientConfiguration { get; }

    /// <summary>Collection GETs without <c>watch</c>.</summary>
    public int ListRequests => counters.Lists;

    public int WatchRequests => counters.Watches;

    /// <summary>Watches registered and streaming now: wait on this before a write that a test expects a watch to see live.</summary>
    public int OpenWatches => store.OpenWatches;

    /// <summary>Every request as <c>"GET /apis/...?watch=true&amp;resourceVersion=..."</c>, in arrival order.</summary>
    public IReadOnlyList<string> RequestLog => counters.Log;

    public static async Task<TestApiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var store = new ResourceStore();
        store.Serve(ServedKind.Lease);
        var counters = new RequestCounters();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        app.Run(new ApiRequests(store, counters).HandleAsync);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new TestApiServer(app, store, counters, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// KubernetesClient itself (tests that poke the server with arbitrary bodies, e.g. JsonObject), on reflection
    /// metadata: its generated context knows only the Kubernetes models. JIT only, like this server.
    /// </summary>
    public IKubernetes CreateClient()
    {
        var configuration = new KubernetesClientConfiguration { Host = Address.ToString() };
        configuration.AddJsonOptions(options => options.TypeInfoResolver = JsonTypeInfoResolver.Combine(
            options.TypeInfoResolver, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()));
        return new k8s.Kubernetes(configuration);
    }

    /// <summary>The layer's own connection (what the sidecars use), pointed at this server.</summary>
    public Fos1.Kubernetes.Clients.KubernetesApi CreateApi() => Fos1.Kubernetes.Configuration.KubernetesClients.Create(ClientConfiguration);

    /// <summary>Serves a custom resource kind, with a status subresource like every Fos1 CRD.</summary>
    public void Serve(ResourceKind kind) => Serve(kind, statusSubresource: true);

    public void Serve(ResourceKind kind, bool statusSubresource)
    {
        ArgumentNullException.ThrowIfNull(kind);
        store.Serve(new ServedKind(kind, statusSubresource));
    }

    /// <summary>
    /// Create-or-replace, like <c>kubectl apply</c>: needs apiVersion, kind, metadata.name (and namespace, else
    /// "default"); <c>.status</c> is ignored (use <see cref="ApplyStatus"/>). Returns the stored object.
    /// </summary>
    public JsonObject Apply(JsonObject resource) => Write(resource, WriteScope.Main);

    /// <summary>Replaces only <c>.status</c> of an existing object, as a controller's status update would.</summary>
    public JsonObject ApplyStatus(JsonObject resource) => Write(resource, WriteScope.Status);

    /// <summary><see cref="Apply"/> for one YAML document.</summary>
    public JsonObject ApplyYaml(string yaml) => Apply(YamlResource.Parse(yaml));

    public bool Delete(ResourceKind kind, string? @namespace, string name)
    {
        try
        {
            store.Delete(Served(kind), @namespace, name);
            return true;
        }
        catch (ApiFailure failure) when (failure.Status.Code == 404)
        {
            return false;
        }
    }

    public JsonObject? Get(ResourceKind kind, string? @namespace, string name) =>
        store.TryGet(Served(kind), @namespace, name);

    /// <summary>Forgets the history: a watch from an older resourceVersion, or an old continue token, gets 410 Gone.</summary>
    public void CompactHistory() => store.Compact();

    /// <summary>Ends every open watch cleanly mid-stream: the client sees the stream end, without an error.</summary>
    public void DropWatches() => store.EndWatches(abort: false);

    /// <summary>Cuts every open watch connection without ending the chunked body: the client sees an I/O error.</summary>
    public void AbortWatches() => store.EndWatches(abort: true);

    /// <summary>Sends a BOOKMARK with the current resourceVersion to every watch that asked allowWatchBookmarks=true.</summary>
    public void SendBookmarks() => store.SendBookmarks();

    public async ValueTask DisposeAsync()
    {
        store.EndWatches(abort: false);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(grace.Token);
        await app.DisposeAsync();
    }

    private JsonObject Write(JsonObject resource, WriteScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        try
        {
            return store.Apply(resource, scope);
        }
        catch (ApiFailure failure)
        {
            throw new InvalidOperationException(failure.Status.Message, failure);
        }
    }

    private ServedKind Served(ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return store.Find(kind.Group, kind.Version, kind.Plural)
            ?? throw new InvalidOperationException($"{kind} is not served: call Serve(kind) first");
    }
}
