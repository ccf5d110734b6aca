using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fos1.AdGuard.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fos1.Testbed.AdGuard;

/// <summary>
/// A stand-in for AdGuard Home's /control API (AdGuard Home cannot be installed here), on Kestrel at
/// 127.0.0.1:0. It keeps state and answers like the documented handlers (openapi.yaml, internal/home/*http.go):
/// 401 without the right basic auth, 400 with AdGuard's plain-text message for a duplicate URL, an unfetchable
/// list, an unknown filter URL, a duplicate client name or id and an unknown client. The lists may be read and
/// changed directly while no request runs; while a process talks to it, use <see cref="Read{T}"/> / <see cref="Change"/>.
/// </summary>
public sealed class FakeAdGuardHome : IAsyncDisposable
{
    public const string User = "admin";
    public const string Password = "s3cret";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private long nextId = 1_700_000_000;

    private FakeAdGuardHome(WebApplication app) => this.app = app;

    public List<FilterInfo> Filters { get; } = [];

    public List<FilterInfo> WhitelistFilters { get; } = [];

    public List<string> UserRules { get; } = [];

    public List<ClientInfo> Clients { get; } = [];

    public List<string> Upstreams { get; } = ["https://dns10.quad9.net/dns-query"];

    public int Interval { get; private set; } = 24;

    /// <summary>Every successful POST, "endpoint" only, in order.</summary>
    public List<string> Changes { get; } = [];

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeAdGuardHome> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAdGuardHome(app);
        fake.Map();
        await app.StartAsync();
        fake.Address = new Uri(app.Urls.Single() + "/");
        return fake;
    }

    public AdGuardApiClient Client(string password = Password) =>
        new(new HttpClient { BaseAddress = Address }, new AdGuardCredentials(User, password));

    /// <summary>Reads the state under the lock the request handlers take.</summary>
    public T Read<T>(Func<FakeAdGuardHome, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (gate)
        {
            return read(this);
        }
    }

    /// <summary>Changes the state under the lock the request handlers take (someone editing AdGuard by hand).</summary>
    public void Change(Action<FakeAdGuardHome> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            change(this);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
            if (context.Request.Headers.Authorization != expected)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Unauthorized\n");
                return;
            }

            await next(context);
        });
        app.MapGet("/control/filtering/status", () => Locked(() => Results.Json(new FilteringStatus
        {
            Enabled = true, Interval = Interval, Filters = [.. Filters], WhitelistFilters = [.. WhitelistFilters], UserRules = [.. UserRules],
        })));
        app.MapGet("/control/clients", () => Locked(() => Results.Json(new ClientList { Clients = [.. Clients], SupportedTags = ["device_tablet"] })));
        app.MapGet("/control/dns_info", () => Locked(() => Results.Json(new DnsInfo { UpstreamDns = [.. Upstreams] })));
        Post("filtering/add_url", AddUrl);
        Post("filtering/remove_url", body => { ListFor(body).RemoveAll(f => f.Url == Str(body, "url")); return null; });
        Post("filtering/set_url", SetUrl);
        Post("filtering/set_rules", body => { UserRules.Clear(); UserRules.AddRange(body["rules"]!.AsArray().Select(r => (string)r!)); return null; });
        Post("filtering/refresh", body => { Refresh(ListFor(body)); return null; });
        Post("filtering/config", body =>
        {
            var interval = (int)body["interval"]!;
            if (interval is not (0 or 1 or 12 or 24 or 72 or 168))
            {
                return "Unsupported interval";
            }

            Interval = interval;
            return null;
        });
        Post("clients/add", body => AddClient(body.Deserialize<ClientInfo>(Json)!));
        Post("clients/update", body =>
        {
            var index = Clients.FindIndex(c => c.Name == Str(body, "name"));
            if (index < 0)
            {
                return $"client {Str(body, "name")} not found";
            }

            var old = Clients[index];
            Clients.RemoveAt(index);
            var error = AddClient(body["data"].Deserialize<ClientInfo>(Json)!);
            if (error is not null)
            {
                Clients.Insert(index, old);
            }

            return error;
        });
        Post("clients/delete", body => Clients.RemoveAll(c => c.Name == Str(body, "name")) == 0 ? "Client not found" : null);
        Post("dns_config", body => { Upstreams.Clear(); Upstreams.AddRange(body["upstream_dns"]!.AsArray().Select(u => (string)u!)); return null; });
    }

    private void Post(string endpoint, Func<JsonObject, string?> handle) =>
        app.MapPost("/control/" + endpoint, async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
            return Locked(() =>
            {
                var error = handle(body);
                if (error is not null)
                {
                    return Results.Text(error + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
                }

                Changes.Add(endpoint);
                return Results.Text("OK\n");
            });
        });

    private string? AddUrl(JsonObject body)
    {
        var url = Str(body, "url");
        var list = ListFor(body);
        if (list.Any(f => f.Url == url))
        {
            return $"Filter URL already added -- {url}";
        }

        if (url.Contains("unreachable", StringComparison.Ordinal))
        {
            return $"Couldn't fetch filter from url {url}: dial tcp: lookup unreachable.example: no such host";
        }

        list.Add(new FilterInfo { Id = ++nextId, Enabled = true, Url = url, Name = Str(body, "name"), RulesCount = 10, LastUpdated = "2026-01-01T00:00:00Z" });
        return null;
    }

    private string? SetUrl(JsonObject body)
    {
        var list = ListFor(body);
        var index = list.FindIndex(f => f.Url == Str(body, "url"));
        if (index < 0)
        {
            return "URL doesn't exist";
        }

        var data = body["data"]!;
        list[index] = list[index] with { Name = (string)data["name"]!, Enabled = (bool)data["enabled"]!, Url = (string)data["url"]! };
        return null;
    }

    private string? AddClient(ClientInfo client)
    {
        if (client.Name.Length == 0)
        {
            return "client's name must be non-empty";
        }

        if (Clients.Any(c => c.Name == client.Name))
        {
            return $"another client uses the same name {client.Name}";
        }

        var taken = client.Ids.FirstOrDefault(id => Clients.Any(c => c.Ids.Contains(id, StringComparer.OrdinalIgnoreCase)));
        if (taken is not null)
        {
            return $"another client uses the same ID ({taken})";
        }

        Clients.Add(client);
        return null;
    }

    private static void Refresh(List<FilterInfo> list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            list[i] = list[i] with { LastUpdated = "2026-01-02T00:00:00Z" };
        }
    }

    private List<FilterInfo> ListFor(JsonObject body) => body["whitelist"] is { } w && (bool)w! ? WhitelistFilters : Filters;

    private static string Str(JsonObject body, string key) => (string?)body[key] ?? "";

    private IResult Locked(Func<IResult> action)
    {
        lock (gate)
        {
            return action();
        }
    }
}
