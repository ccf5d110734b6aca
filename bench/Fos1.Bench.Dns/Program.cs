using Fos1.Bench.Common.Reporting;
using Fos1.Bench.Dns;
using Fos1.Bench.Dns.Measuring;
using Fos1.Bench.Dns.Reporting;
using Fos1.Bench.Dns.Workload;
using Fos1.Dns.Sending;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Sidecars;
using Microsoft.Extensions.Logging.Abstractions;
using SenderKey = Fos1.Dns.Tsig.TsigKey;

BenchOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    options = BenchOptions.Parse(args);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"Fos1.Bench.Dns: {e.Message}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

if (options.Concurrency.Count * options.Targets.Count > 250)
{
    await Console.Error.WriteLineAsync("Fos1.Bench.Dns: at most 250 runs (one 10.run/16 each).");
    return 2;
}

using var cancellation = ConsoleCancellation.OnCtrlC();
var cancellationToken = cancellation.Token;

Console.WriteLine("# RFC 2136 target throughput: dns sidecar vs BIND");
Console.WriteLine();
Console.WriteLine($"Command: dotnet {Environment.CommandLine}");
Console.WriteLine();
await MachineDescription.PrintAsync(cancellationToken);

Console.WriteLine();

// Same zones, same key for both targets. The sidecar logs at Warning (as the NCR bench runs the kea
// sidecar): an Information line per UPDATE would measure the console, not the server.
var key = TsigKey.Generate("kea");
var senderKey = SenderKey.FromKea(key.Name, key.Algorithm, key.Secret);
string[] zones = [ForwardAdds.Zone.ToString().TrimEnd('.'), ForwardAdds.ReverseZone];
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
var started = new Dictionary<string, (DnsUpdateTarget Server, IReadOnlyList<IPublishProbe> Probes, Func<string> Log)>();
var disposables = new List<IAsyncDisposable>();
var results = new List<RunResult>();
using var sender = new DnsUpdateSender(NullLogger<DnsUpdateSender>.Instance,
    maxInFlightPerServer: Math.Max(DnsUpdateSender.DefaultMaxInFlightPerServer, options.Concurrency.Max()));
try
{
    foreach (var target in options.Targets)
    {
        if (target == BenchOptions.Sidecar)
        {
            var sidecar = await DnsSidecarProcess.StartAsync(zones, key, cancellationToken: cancellationToken);
            disposables.Add(sidecar);
            var zoneFile = Path.Combine(sidecar.PublishDirectory, zones[0] + ".zone");
            await Fos1.Testbed.Processes.Poll.UntilAsync(() => File.Exists(zoneFile), TimeSpan.FromSeconds(10),
                $"{zoneFile} to be published", () => sidecar.RecentOutput, cancellationToken);
            IPublishProbe[] probes = [new GrpcProbe(sidecar.GrpcEndpoint), new ZoneFileProbe(zoneFile, ForwardAdds.Zone)];
            disposables.AddRange(probes);
            started[target] = (new DnsUpdateTarget(sidecar.UpdateEndpoint, senderKey), probes, () => sidecar.RecentOutput);
            Console.Error.WriteLine($"dns sidecar: UPDATEs to {sidecar.UpdateEndpoint}, gRPC {sidecar.GrpcEndpoint}, zone file {zoneFile}");
        }
        else
        {
            var bind = await BindServer.StartAsync(
                new BindServerOptions { Zones = [.. zones.Select(zone => new BindZone(zone))], Key = key, StartTimeout = TimeSpan.FromSeconds(60) },
                cancellationToken);
            disposables.Add(bind);
            IPublishProbe[] probes = [new UdpProbe(bind.Endpoint)];
            disposables.AddRange(probes);
            started[target] = (new DnsUpdateTarget(bind.Endpoint, senderKey), probes, () => bind.RecentOutput);
            Console.Error.WriteLine($"BIND: {bind}");
        }
    }

    var timeout = TimeSpan.FromMilliseconds(options.TimeoutMs);
    var run = 0;
    if (options.Warmup > 0)
    {
        foreach (var target in options.Targets)
        {
            var warm = await UpdateLoad.RunAsync(0, target, 16, ForwardAdds.For(++run, options.Warmup), sender, started[target].Server,
                timeout, Math.Min(5, options.Warmup), started[target].Probes, cancellationToken);
            Console.Error.WriteLine($"warm-up {ResultTable.Progress(warm)}");
        }
    }

    // (The warm-up also samples a few names, so the probes' first-call costs, e.g. the h2c connection, stay out too.)
    // Targets alternate at each concurrency, so a slow drift of the machine hits both alike.
    var number = 0;
    foreach (var concurrency in options.Concurrency)
    {
        foreach (var target in options.Targets)
        {
            var (server, probes, _) = started[target];
            var result = await UpdateLoad.RunAsync(++number, target, concurrency, ForwardAdds.For(++run, options.Updates), sender, server,
                timeout, options.Samples, probes, cancellationToken);
            results.Add(result);
            Console.Error.WriteLine(ResultTable.Progress(result));
        }
    }
}
finally
{
    foreach (var (target, (_, _, log)) in started)
    {
        var problems = log().Split('\n').Where(line => line.Contains("warn", StringComparison.OrdinalIgnoreCase)
            || line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("quota", StringComparison.OrdinalIgnoreCase)).ToList();
        Console.Error.WriteLine($"{target}: {problems.Count} warning/failure lines in its recent output{(problems.Count > 0 ? ", e.g. " + problems[^1] : "")}");
    }

    for (var i = disposables.Count - 1; i >= 0; i--)
    {
        await disposables[i].DisposeAsync();
    }
}

Console.WriteLine($"Load average at the end: {MachineDescription.LoadAverage()}");
Console.WriteLine();
Console.WriteLine(ResultTable.Render(results, [.. results.SelectMany(r => r.Publish.Select(p => p.Probe)).Distinct()]));
Console.WriteLine(
    $"accepted = NOERROR answers; accepted/s = accepted / wall (first UPDATE sent -> last answer); update latency = sent -> answer " +
    $"(all {options.Updates}); publish = NOERROR answer -> the name answers an A (gRPC DnsService / UDP query, polled every ~1 ms) or " +
    $"its A line is in the published zone file (stat every ~1 ms, read on change), for every {Math.Max(1, options.Updates / Math.Max(1, options.Samples))}-th " +
    $"accepted name (seen/sampled); timeout {options.TimeoutMs} ms; {options.Warmup} unreported warm-up UPDATEs per target first.");
return 0;
