using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Fos1.Testbed.Kubernetes;

/// <summary>The REST surface of kube-apiserver for the served kinds: list, get, watch, create, replace, patch, delete.</summary>
internal sealed class ApiRequests(ResourceStore store, RequestCounters counters)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        counters.Request($"{request.Method} {request.Path}{request.QueryString}");
        try
        {
            await DispatchAsync(context);
        }
        catch (ApiFailure failure) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, failure.Status.Code, failure.Status.ToJson());
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug in the test server must reach the test as a failing request, not as a hung or reset connection.
            await WriteAsync(context, 500, new ApiStatus(500, "InternalError", e.ToString()).ToJson());
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var path = ApiPath.Parse(request.Path.Value ?? "")
            ?? throw new ApiFailure(ApiStatus.PathNotFound(request.Path.Value ?? ""));
        var served = store.Find(path.Group, path.Version, path.Plural);
        if (served is null
            || (path.Namespace is not null && !served.Kind.Namespaced)
            || (path.Namespace is null && served.Kind.Namespaced && !path.IsCollection)
            || (path.Subresource is not null && (path.Subresource != "status" || !served.HasStatusSubresource)))
        {
            throw new ApiFailure(ApiStatus.PathNotFound(request.Path.Value ?? ""));
        }

        var scope = path.Subresource is null ? WriteScope.Main : WriteScope.Status;
        switch (request.Method)
        {
            case "GET" when path.IsCollection && Flag(request, "watch"):
                await WatchAsync(context, served, path);
                break;
            case "GET" when path.IsCollection:
                counters.List();
                var page = store.List(
                    served, path.Namespace, Selector(request), Number(request, "limit"), request.Query["continue"]);
                await WriteListAsync(context, served, page);
                break;
            case "GET":
                await WriteAsync(context, 200, store.Get(served, path.Namespace, path.Name!));
                break;
            case "POST" when path.IsCollection:
                await WriteAsync(context, 201, store.Create(served, path.Namespace, await BodyAsync<JsonObject>(request)));
                break;
            case "PUT" when !path.IsCollection:
                var replacement = await BodyAsync<JsonObject>(request);
                await WriteAsync(context, 200, store.Update(served, path.Namespace, path.Name!, _ => replacement, scope));
                break;
            case "PATCH" when !path.IsCollection:
                var patch = await PatchAsync(request);
                await WriteAsync(context, 200, store.Update(served, path.Namespace, path.Name!, patch, scope));
                break;
            case "DELETE" when !path.IsCollection:
                await WriteAsync(context, 200, store.Delete(served, path.Namespace, path.Name!));
                break;
            default:
                throw new ApiFailure(ApiStatus.MethodNotAllowed(request.Method));
        }
    }

    private async Task WatchAsync(HttpContext context, ServedKind served, ApiPath path)
    {
        counters.Watch();
        var request = context.Request;
        WatchSubscription watch;
        try
        {
            watch = store.Watch(
                served, path.Namespace, Selector(request), request.Query["resourceVersion"], Flag(request, "allowWatchBookmarks"));
        }
        catch (ApiFailure failure) when (failure.Status.Code == 410)
        {
            await WatchResponder.ErrorAsync(context, failure.Status);
            return;
        }

        await WatchResponder.StreamAsync(context, store, watch, Number(request, "timeoutSeconds"));
    }

    private static async Task<Func<JsonObject, JsonObject>> PatchAsync(HttpRequest request)
    {
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim();
        switch (mediaType)
        {
            case "application/merge-patch+json" or "application/strategic-merge-patch+json":
                var merge = await BodyAsync<JsonObject>(request);
                return existing => (JsonObject)JsonPatches.Merge(existing, merge)!;
            case "application/json-patch+json":
                var operations = await BodyAsync<JsonArray>(request);
                return existing => JsonPatches.Apply(existing, operations) as JsonObject
                    ?? throw new ApiFailure(ApiStatus.Invalid("the patched object is not a JSON object"));
            default:
                throw new ApiFailure(ApiStatus.UnsupportedMediaType(mediaType));
        }
    }

    private static async Task<T> BodyAsync<T>(HttpRequest request)
        where T : JsonNode
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as T
                ?? throw new ApiFailure(ApiStatus.BadRequest($"the request body is not a JSON {typeof(T).Name}"));
        }
        catch (JsonException e)
        {
            throw new ApiFailure(ApiStatus.BadRequest($"the request body is not valid JSON: {e.Message}"));
        }
    }

    private static Selector Selector(HttpRequest request) =>
        Kubernetes.Selector.Parse(request.Query["labelSelector"], request.Query["fieldSelector"]);

    private static bool Flag(HttpRequest request, string name) =>
        request.Query[name].ToString() is "true" or "True" or "1";

    private static int? Number(HttpRequest request, string name) =>
        int.TryParse(request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static async Task WriteListAsync(HttpContext context, ServedKind served, ListPages.Page page)
    {
        var metadata = new JsonObject { ["resourceVersion"] = page.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.Continue is not null)
        {
            metadata["continue"] = page.Continue;
            metadata["remainingItemCount"] = page.Remaining;
        }

        var head = new JsonObject
        {
            ["apiVersion"] = served.Kind.ApiVersion,
            ["kind"] = served.Kind.Kind + "List",
            ["metadata"] = metadata,
        }.ToJsonString();
        var body = $"{head[..^1]},\"items\":[{string.Join(',', page.Items)}]}}";
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, int code, JsonObject body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
