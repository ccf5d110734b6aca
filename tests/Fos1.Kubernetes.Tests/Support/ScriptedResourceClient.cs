using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Fos1.Kubernetes.Clients;
using Fos1.Kubernetes.Resources;
using k8s;
using k8s.Models;

namespace Fos1.Kubernetes.Tests.Support;

/// <summary>
/// An <see cref="IResourceClient{T}"/> the test drives: list answers are queued in advance, and every watch
/// opens a <see cref="WatchSession{T}"/> the test sends events into, ends, or fails.
/// </summary>
internal sealed class ScriptedResourceClient<T> : IResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentQueue<object> _lists = new();
    private readonly Channel<WatchSession<T>> _sessions = Channel.CreateUnbounded<WatchSession<T>>();

    public ScriptedResourceClient(ResourceKind kind) => Kind = kind;

    public ResourceKind Kind { get; }

    public ConcurrentQueue<(string? Namespace, int Limit, string? Continue)> ListCalls { get; } = new();

    public ConcurrentQueue<string> WatchCalls { get; } = new();

    public ConcurrentQueue<(string? Namespace, string Name, string Patch)> Patches { get; } = new();

    /// <summary>Queues the answer to the next list call: a page or an exception to throw.</summary>
    public void AnswerList(params T[] items) => _lists.Enqueue(new ResourcePage<T>(items, LastResourceVersion(items), null));

    public void AnswerListPage(ResourcePage<T> page) => _lists.Enqueue(page);

    public void FailList(Exception failure) => _lists.Enqueue(failure);

    public async Task<WatchSession<T>> NextWatchAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _sessions.Reader.ReadAsync(timeout.Token);
    }

    public Task<ResourcePage<T>> ListAsync(string? namespaceName, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        ListCalls.Enqueue((namespaceName, limit, continueToken));
        if (!_lists.TryDequeue(out var answer))
        {
            throw new InvalidOperationException("The test queued no answer for this list call.");
        }

        return answer is Exception failure ? Task.FromException<ResourcePage<T>>(failure) : Task.FromResult((ResourcePage<T>)answer);
    }

    public async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? namespaceName, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = new WatchSession<T>(resourceVersion);
        WatchCalls.Enqueue(resourceVersion);
        await _sessions.Writer.WriteAsync(session, cancellationToken);
        await foreach (var change in session.Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return change;
        }

        if (session.Failure is not null)
        {
            throw session.Failure;
        }
    }

    public Task<T?> GetAsync(string? namespaceName, string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<T> PatchStatusAsync(string? namespaceName, string name, string mergePatchJson, CancellationToken cancellationToken)
    {
        Patches.Enqueue((namespaceName, name, mergePatchJson));
        return Task.FromResult<T>(null!);
    }

    public Task<T> ReplaceStatusAsync(T resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private static string LastResourceVersion(T[] items) =>
        items.Select(item => long.Parse(item.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One open watch stream of a <see cref="ScriptedResourceClient{T}"/>.</summary>
internal sealed class WatchSession<T>(string resourceVersion)
{
    public string ResourceVersion { get; } = resourceVersion;

    public Channel<(WatchEventType Type, T Object)> Events { get; } = Channel.CreateUnbounded<(WatchEventType, T)>();

    public Exception? Failure { get; private set; }

    public void Send(WatchEventType type, T resource) => Events.Writer.TryWrite((type, resource));

    /// <summary>The server closes the stream cleanly (what a watch timeout or a dropped proxy looks like).</summary>
    public void End() => Events.Writer.TryComplete();

    public void Fail(Exception failure)
    {
        Failure = failure;
        Events.Writer.TryComplete();
    }
}
