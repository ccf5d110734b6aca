using System.Net;
using System.Text;
using Fos1.AdGuard.Api;

namespace Fos1.AdGuard.Tests;

/// <summary>
/// The exact requests <see cref="AdGuardApiClient"/> sends and the responses it reads, byte for byte: the JSON is
/// source-generated (the native build has no reflection serializer), and AdGuard Home's Go handlers read these names.
/// </summary>
public sealed class ApiClientWireTests
{
    private static readonly ClientInfo Laptop = new()
    {
        Name = "laptop [fos1:home/laptop]",
        Ids = ["192.168.1.10", "aa:bb:cc:dd:ee:ff"],
        Tags = ["device_laptop"],
        UseGlobalSettings = false,
        FilteringEnabled = true,
        SafeSearch = new SafeSearchSettings { Enabled = true, Google = true },
        BlockedServices = ["youtube"],
        BlockedServicesSchedule = new ScheduleInfo { TimeZone = "Europe/Berlin", Mon = new DayRange(0, 3_600_000) },
    };

    [Fact]
    public async Task Every_change_is_posted_as_the_json_adguard_home_reads_with_nulls_left_out()
    {
        var wire = new RecordingHandler("{}");
        var client = new AdGuardApiClient(new HttpClient(wire) { BaseAddress = new Uri("http://127.0.0.1:3000/") }, new AdGuardCredentials("admin", "s3cret"));

        await client.AddUrlAsync("Ads [fos1:home/ads]", "https://lists.example/ads.txt", whitelist: false);
        await client.RemoveUrlAsync("https://lists.example/ads.txt", whitelist: true);
        await client.SetUrlAsync("https://lists.example/ads.txt", whitelist: false, "Ads", enabled: false);
        await client.SetRulesAsync(["||ads.example^", "@@||ok.example^"]);
        await client.RefreshAsync(whitelist: false);
        await client.SetFilteringConfigAsync(enabled: true, intervalHours: 24);
        await client.AddClientAsync(new ClientInfo { Name = "tv", Ids = ["192.168.1.20"] });
        await client.UpdateClientAsync("laptop", Laptop);
        await client.DeleteClientAsync("tv");
        await client.SetUpstreamsAsync(["9.9.9.9", "tls://dns.example"]);

        Assert.Equal(
        [
            """POST /control/filtering/add_url {"name":"Ads [fos1:home/ads]","url":"https://lists.example/ads.txt","whitelist":false}""",
            """POST /control/filtering/remove_url {"url":"https://lists.example/ads.txt","whitelist":true}""",
            """POST /control/filtering/set_url {"url":"https://lists.example/ads.txt","whitelist":false,"data":{"name":"Ads","url":"https://lists.example/ads.txt","enabled":false}}""",
            """POST /control/filtering/set_rules {"rules":["||ads.example^","@@||ok.example^"]}""",
            """POST /control/filtering/refresh {"whitelist":false}""",
            """POST /control/filtering/config {"enabled":true,"interval":24}""",
            """POST /control/clients/add {"name":"tv","ids":["192.168.1.20"],"tags":[],"upstreams":[],"use_global_settings":false,"filtering_enabled":false,"parental_enabled":false,"safebrowsing_enabled":false,"use_global_blocked_services":false,"blocked_services":[]}""",
            """POST /control/clients/update {"name":"laptop","data":{"name":"laptop [fos1:home/laptop]","ids":["192.168.1.10","aa:bb:cc:dd:ee:ff"],"tags":["device_laptop"],"upstreams":[],"use_global_settings":false,"filtering_enabled":true,"parental_enabled":false,"safebrowsing_enabled":false,"safe_search":{"enabled":true,"bing":false,"duckduckgo":false,"ecosia":false,"google":true,"pixabay":false,"yandex":false,"youtube":false},"use_global_blocked_services":false,"blocked_services":["youtube"],"blocked_services_schedule":{"time_zone":"Europe/Berlin","mon":{"start":0,"end":3600000}}}}""",
            """POST /control/clients/delete {"name":"tv"}""",
            """POST /control/dns_config {"upstream_dns":["9.9.9.9","tls://dns.example"]}""",
        ],
        wire.Requests);
        Assert.All(wire.ContentTypes, t => Assert.Equal("application/json; charset=utf-8", t));
        Assert.Equal("Basic YWRtaW46czNjcmV0", wire.Authorization);
    }

    [Fact]
    public async Task Filtering_status_reads_adguard_nulls_as_empty_lists()
    {
        const string body = """
            {"enabled":true,"interval":12,"filters":[{"id":7,"enabled":true,"url":"https://lists.example/ads.txt","name":"Ads","rules_count":42,"last_updated":"2026-01-01T00:00:00Z"}],
             "whitelist_filters":null,"user_rules":null}
            """;
        var client = new AdGuardApiClient(new HttpClient(new RecordingHandler(body)) { BaseAddress = new Uri("http://127.0.0.1:3000/") }, new AdGuardCredentials("a", "b"));

        var status = await client.GetFilteringStatusAsync();

        Assert.True(status.Enabled);
        Assert.Equal(12, status.Interval);
        Assert.Equal(
            new FilterInfo { Id = 7, Enabled = true, Url = "https://lists.example/ads.txt", Name = "Ads", RulesCount = 42, LastUpdated = "2026-01-01T00:00:00Z" },
            status.Filters.Single());
        Assert.Empty(status.WhitelistFilters);
        Assert.Empty(status.UserRules);
    }

    [Fact]
    public async Task Clients_and_upstreams_are_read_with_their_schedules_and_safe_search()
    {
        const string clients = """
            {"clients":[{"name":"laptop","ids":["192.168.1.10"],"tags":null,"upstreams":null,"use_global_settings":true,"filtering_enabled":true,
              "parental_enabled":false,"safebrowsing_enabled":false,"safe_search":{"enabled":true,"google":true},"use_global_blocked_services":false,
              "blocked_services":null,"blocked_services_schedule":{"time_zone":"UTC","sun":{"start":60000,"end":120000}}}],
             "auto_clients":[],"supported_tags":["device_laptop"]}
            """;
        var http = new HttpClient(new RecordingHandler(clients)) { BaseAddress = new Uri("http://127.0.0.1:3000/") };

        var list = await new AdGuardApiClient(http, new AdGuardCredentials("a", "b")).GetClientsAsync();
        var dns = await new AdGuardApiClient(new HttpClient(new RecordingHandler("""{"upstream_dns":["1.1.1.1"],"bootstrap_dns":[]}""")) { BaseAddress = http.BaseAddress },
            new AdGuardCredentials("a", "b")).GetDnsInfoAsync();

        var laptop = list.Clients.Single();
        Assert.Equal(("laptop", true, true), (laptop.Name, laptop.UseGlobalSettings, laptop.SafeSearch!.Google));
        Assert.Empty(laptop.Tags);
        Assert.Empty(laptop.BlockedServices);
        Assert.Equal([("sun", new DayRange(60_000, 120_000))], laptop.BlockedServicesSchedule!.Set());
        Assert.Equal("UTC", laptop.BlockedServicesSchedule.TimeZone);
        Assert.Equal(["device_laptop"], list.SupportedTags);
        Assert.Equal(["1.1.1.1"], dns.UpstreamDns);
    }

    [Fact]
    public async Task Keys_adguard_home_leaves_out_read_as_empty_lists_and_the_local_time_zone()
    {
        // Source-generated metadata gives an init-only property that is absent from the JSON its type's default, not
        // its initializer's value: these types map null to their documented defaults in the init accessor instead.
        const string clients = """{"clients":[{"name":"tv","blocked_services_schedule":{"mon":{"start":0,"end":1}}}]}""";
        var http = new HttpClient(new RecordingHandler(clients)) { BaseAddress = new Uri("http://127.0.0.1:3000/") };

        var tv = (await new AdGuardApiClient(http, new AdGuardCredentials("a", "b")).GetClientsAsync()).Clients.Single();

        Assert.Equal(("tv", 0, 0, 0, 0), (tv.Name, tv.Ids.Count, tv.Tags.Count, tv.Upstreams.Count, tv.BlockedServices.Count));
        Assert.Null(tv.SafeSearch);
        Assert.Equal("Local", tv.BlockedServicesSchedule!.TimeZone);
    }

    private sealed class RecordingHandler(string response) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public List<string?> ContentTypes { get; } = [];

        public string? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            if (request.Content is { } content)
            {
                ContentTypes.Add(content.Headers.ContentType?.ToString());
                Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {await content.ReadAsStringAsync(cancellationToken)}");
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, Encoding.UTF8, "application/json") };
        }
    }
}
