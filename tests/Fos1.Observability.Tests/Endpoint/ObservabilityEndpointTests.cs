using System.Diagnostics.Metrics;
using System.Net;
using Fos1.Observability.Endpoint;
using Fos1.Observability.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace Fos1.Observability.Tests.Endpoint;

public sealed class ObservabilityEndpointTests
{
    [Fact]
    public async Task Counters_of_a_Fos1_meter_are_served_in_the_Prometheus_text_format()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Fos1.Test");
        var counter = meter.CreateCounter<long>("fos1.test.events", "{event}", "Events seen, by kind");
        counter.Add(3, new KeyValuePair<string, object?>("kind", "add"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "remove"));

        var (status, contentType, body) = await GetAsync(host, "/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/plain; version=0.0.4; charset=utf-8", contentType, StringComparison.Ordinal);
        Assert.Contains(
            "# TYPE fos1_test_events_total counter\n" +
            "# HELP fos1_test_events_total Events seen, by kind\n" +
            "fos1_test_events_total{otel_scope_name=\"Fos1.Test\",kind=\"add\"} 3\n" +
            "fos1_test_events_total{otel_scope_name=\"Fos1.Test\",kind=\"remove\"} 1\n",
            body,
            StringComparison.Ordinal);
        Assert.Contains("target_info{service_name=\"fos1-test-sidecar\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attribute_sets_past_the_cardinality_limit_are_folded_into_one_overflow_series()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Fos1.Test");
        var counter = meter.CreateCounter<long>("fos1.test.zones", "{update}", "Updates, by zone");
        for (var zone = 0; zone < MetricStreams.CardinalityLimit + 4; zone++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("zone", $"z{zone}.example."));
        }

        var (_, _, body) = await GetAsync(host, "/metrics");

        var series = body.Split('\n').Where(line => line.StartsWith("fos1_test_zones_total{", StringComparison.Ordinal)).ToList();
        Assert.Equal(MetricStreams.CardinalityLimit + 1, series.Count);
        Assert.Contains("fos1_test_zones_total{otel_scope_name=\"Fos1.Test\",otel_metric_overflow=\"true\"} 4", series);
    }

    [Fact]
    public async Task Latency_histograms_in_seconds_get_buckets_from_one_millisecond_to_five_seconds()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Fos1.Test");
        var histogram = meter.CreateHistogram<double>("fos1.test.duration", "s", "How long a test step took");
        histogram.Record(0.004);
        histogram.Record(0.3);

        var (_, _, body) = await GetAsync(host, "/metrics");

        Assert.Contains(
            "# TYPE fos1_test_duration_seconds histogram\n" +
            "# HELP fos1_test_duration_seconds How long a test step took\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.001\"} 0\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.002\"} 0\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.005\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.01\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.02\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.05\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.1\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.2\"} 1\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"0.5\"} 2\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"1\"} 2\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"2\"} 2\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"5\"} 2\n" +
            "fos1_test_duration_seconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"+Inf\"} 2\n" +
            "fos1_test_duration_seconds_sum{otel_scope_name=\"Fos1.Test\"} 0.304\n" +
            "fos1_test_duration_seconds_count{otel_scope_name=\"Fos1.Test\"} 2\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_histogram_advising_its_own_buckets_keeps_them()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Fos1.Test");
        var histogram = meter.CreateHistogram<double>("fos1.test.wait", "ms", "How long a test waited",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 60000] });
        histogram.Record(30);

        var (_, _, body) = await GetAsync(host, "/metrics");

        Assert.Contains(
            "fos1_test_wait_milliseconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"10\"} 0\n" +
            "fos1_test_wait_milliseconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"60000\"} 1\n" +
            "fos1_test_wait_milliseconds_bucket{otel_scope_name=\"Fos1.Test\",le=\"+Inf\"} 1\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_histograms_in_milliseconds_get_the_same_bounds_in_milliseconds()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Fos1.Test");
        meter.CreateHistogram<double>("fos1.test.delay", "ms").Record(3);

        var (_, _, body) = await GetAsync(host, "/metrics");
        var bounds = body.Split('\n').Where(l => l.StartsWith("fos1_test_delay_milliseconds_bucket", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.LastIndexOf('"')]);

        Assert.Equal(["1", "2", "5", "10", "20", "50", "100", "200", "500", "1000", "2000", "5000", "+Inf"], bounds);
    }

    [Fact]
    public async Task Meters_outside_Fos1_and_the_runtime_are_not_exported()
    {
        await using var host = await EndpointHost.StartAsync();
        using var meter = host.Services.GetRequiredService<IMeterFactory>().Create("Someone.Else");
        meter.CreateCounter<long>("someone.else.events").Add(1);

        var (_, _, body) = await GetAsync(host, "/metrics");

        Assert.DoesNotContain("someone_else", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_answers_ok_while_the_host_runs()
    {
        await using var host = await EndpointHost.StartAsync();

        var (status, _, body) = await GetAsync(host, "/healthz");

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (status, body));
    }

    [Fact]
    public async Task Readiness_is_503_listing_every_check_with_its_reason_while_one_fails_and_200_once_all_pass()
    {
        var dns = new SwitchCheck("dns:home.arpa.", ReadinessResult.Failing("127.0.0.1:53 unreachable (Timeout)"));
        await using var host = await EndpointHost.StartAsync(new SwitchCheck("outbox", ReadinessResult.Ok("0 pending (limit 10000)")), dns);

        var failing = await GetAsync(host, "/readyz");
        dns.Result = ReadinessResult.Ok("127.0.0.1:53 answered NOERROR");
        var passing = await GetAsync(host, "/readyz");

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, "not ready\nok   outbox: 0 pending (limit 10000)\nFAIL dns:home.arpa.: 127.0.0.1:53 unreachable (Timeout)\n"),
            (failing.Status, failing.Body));
        Assert.Equal(
            (HttpStatusCode.OK, "ready\nok   outbox: 0 pending (limit 10000)\nok   dns:home.arpa.: 127.0.0.1:53 answered NOERROR\n"),
            (passing.Status, passing.Body));
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(EndpointHost host, string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private sealed class SwitchCheck(string name, ReadinessResult result) : IReadinessCheck
    {
        public ReadinessResult Result { get; set; } = result;

        public string Name => name;

        public ReadinessResult Check() => Result;
    }
}
