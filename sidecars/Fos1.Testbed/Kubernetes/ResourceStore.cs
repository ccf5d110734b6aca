using System.Globalization;
using System.Text.Json.Nodes;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// The objects, the global resourceVersion counter, the history and the open watches behind one lock: what etcd
/// and kube-apiserver's registry are to a real cluster. Objects inside are never mutated; callers get copies.
/// </summary>
internal sealed class ResourceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ServedKind> kinds = [];
    private readonly Dictionary<(string Kind, string Namespace, string Name), JsonObject> objects = [];
    private readonly WatchHub hub = new();
    private readonly ListPages pages = new();
    private long resourceVersion;

    public int OpenWatches
    {
        get
        {
            lock (gate)
            {
                return hub.OpenWatches;
            }
        }
    }

    public void Serve(ServedKind served)
    {
        lock (gate)
        {
            kinds[PathKey(served.Kind.Group, served.Kind.Version, served.Kind.Plural)] = served;
        }
    }

    public ServedKind? Find(string group, string version, string plural)
    {
        lock (gate)
        {
            return kinds.GetValueOrDefault(PathKey(group, version, plural));
        }
    }

    public ServedKind FindByType(string apiVersion, string kind)
    {
        lock (gate)
        {
            return kinds.Values.FirstOrDefault(k => k.Kind.ApiVersion == apiVersion && k.Kind.Kind == kind)
                ?? throw new InvalidOperationException($"{kind} ({apiVersion}) is not served: call Serve(kind) first");
        }
    }

    public JsonObject? TryGet(ServedKind served, string? @namespace, string name)
    {
        lock (gate)
        {
            return objects.GetValueOrDefault(Key(served, @namespace, name))?.DeepClone().AsObject();
        }
    }

    public JsonObject Get(ServedKind served, string? @namespace, string name) =>
        TryGet(served, @namespace, name) ?? throw new ApiFailure(ApiStatus.NotFound(served.Resource, name));

    public ListPages.Page List(ServedKind served, string? @namespace, Selector selector, int? limit, string? token)
    {
        lock (gate)
        {
            if (!string.IsNullOrEmpty(token))
            {
                return pages.Next(token, limit);
            }

            var items = Current(served, @namespace).Where(selector.Matches).Select(o => o.ToJsonString()).ToList();
            return pages.First(resourceVersion, items, limit);
        }
    }

    public JsonObject Create(ServedKind served, string? @namespace, JsonObject body)
    {
        lock (gate)
        {
            var created = UpdateRules.Created(served, @namespace, body, DateTimeOffset.UtcNow);
            var key = Key(served, UpdateRules.NamespaceOf(created), UpdateRules.NameOf(created));
            if (objects.ContainsKey(key))
            {
                throw new ApiFailure(ApiStatus.AlreadyExists(served.Resource, key.Name));
            }

            return Commit(served, key, created, WatchEvents.Added);
        }
    }

    /// <summary>PUT and PATCH: <paramref name="write"/> turns the stored object into the requested one.</summary>
    public JsonObject Update(
        ServedKind served, string? @namespace, string name, Func<JsonObject, JsonObject> write, WriteScope scope)
    {
        lock (gate)
        {
            var key = Key(served, @namespace, name);
            var existing = objects.GetValueOrDefault(key) ?? throw new ApiFailure(ApiStatus.NotFound(served.Resource, name));
            var incoming = write((JsonObject)existing.DeepClone());
            var incomingName = UpdateRules.NameOf(incoming);
            if (incomingName.Length > 0 && incomingName != name)
            {
                throw new ApiFailure(ApiStatus.BadRequest(
                    $"the name of the object ({incomingName}) does not match the name on the URL ({name})"));
            }

            var updated = UpdateRules.Updated(served, existing, incoming, scope, checkResourceVersion: true);
            return updated is null ? (JsonObject)existing.DeepClone() : Commit(served, key, updated, WatchEvents.Modified);
        }
    }

    /// <summary>What <c>kubectl apply</c> (or <c>kubectl edit --subresource status</c>) does: create, or replace without a precondition.</summary>
    public JsonObject Apply(JsonObject resource, WriteScope scope)
    {
        var served = FindByType(
            resource["apiVersion"]?.GetValue<string>() ?? throw new ArgumentException("apiVersion is missing", nameof(resource)),
            resource["kind"]?.GetValue<string>() ?? throw new ArgumentException("kind is missing", nameof(resource)));
        var name = UpdateRules.NameOf(resource);
        var @namespace = served.Kind.Namespaced ? UpdateRules.NamespaceOf(resource) ?? "default" : null;
        lock (gate)
        {
            var key = Key(served, @namespace, name);
            if (!objects.TryGetValue(key, out var existing))
            {
                return scope == WriteScope.Main
                    ? Create(served, @namespace, resource)
                    : throw new ApiFailure(ApiStatus.NotFound(served.Resource, name));
            }

            var updated = UpdateRules.Updated(served, existing, resource, scope, checkResourceVersion: false);
            return updated is null ? (JsonObject)existing.DeepClone() : Commit(served, key, updated, WatchEvents.Modified);
        }
    }

    public JsonObject Delete(ServedKind served, string? @namespace, string name)
    {
        lock (gate)
        {
            var key = Key(served, @namespace, name);
            if (!objects.Remove(key, out var existing))
            {
                throw new ApiFailure(ApiStatus.NotFound(served.Resource, name));
            }

            var deleted = (JsonObject)existing.DeepClone();
            UpdateRules.Metadata(deleted)["resourceVersion"] = Next();
            hub.Record(resourceVersion, served, WatchEvents.Deleted, deleted);
            return (JsonObject)deleted.DeepClone();
        }
    }

    public WatchSubscription Watch(ServedKind served, string? @namespace, Selector selector, string? from, bool bookmarks)
    {
        var watch = new WatchSubscription(served, @namespace, selector, bookmarks);
        lock (gate)
        {
            if (string.IsNullOrEmpty(from) || from == "0")
            {
                return hub.Open(watch, Current(served, @namespace).Where(selector.Matches));
            }

            if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new ApiFailure(ApiStatus.BadRequest($"invalid resource version: {from}"));
            }

            return hub.Open(watch, version);
        }
    }

    public void Unwatch(WatchSubscription watch)
    {
        lock (gate)
        {
            hub.Close(watch);
        }
    }

    public void Compact()
    {
        lock (gate)
        {
            hub.Compact(resourceVersion);
            pages.Forget();
        }
    }

    public void EndWatches(bool abort)
    {
        lock (gate)
        {
            hub.EndAll(abort);
        }
    }

    public void SendBookmarks()
    {
        lock (gate)
        {
            hub.Bookmark(resourceVersion);
        }
    }

    private JsonObject Commit(ServedKind served, (string, string, string) key, JsonObject resource, string type)
    {
        UpdateRules.Metadata(resource)["resourceVersion"] = Next();
        objects[key] = resource;
        hub.Record(resourceVersion, served, type, resource);
        return (JsonObject)resource.DeepClone();
    }

    private string Next() => (++resourceVersion).ToString(CultureInfo.InvariantCulture);

    private List<JsonObject> Current(ServedKind served, string? @namespace) =>
        objects
            .Where(o => o.Key.Kind == served.Key && (@namespace is null || o.Key.Namespace == @namespace))
            .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(o => o.Key.Name, StringComparer.Ordinal)
            .Select(o => o.Value)
            .ToList();

    private static (string Kind, string Namespace, string Name) Key(ServedKind served, string? @namespace, string name) =>
        (served.Key, served.Kind.Namespaced ? @namespace ?? "" : "", name);

    private static string PathKey(string group, string version, string plural) => $"{group}/{version}/{plural}";
}
