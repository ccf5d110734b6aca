using Fos1.Bench.Common.Reporting;
using Fos1.Bench.Ncr;
using Fos1.Bench.Ncr.Measuring;
using Fos1.Bench.Ncr.Reporting;
using Fos1.Bench.Ncr.Targets;
using Fos1.Bench.Ncr.Workload;
using Fos1.Testbed.Dns;

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
    await Console.Error.WriteLineAsync($"Fos1.Bench.Ncr: {e.Message}{Environment.NewLine}{BenchOptions.Usage}");
    return 2;
}

using var cancellation = ConsoleCancellation.OnCtrlC();
var cancellationToken = cancellation.Token;

// Runs alternate between targets at each rate, so a slow drift of the machine hits both alike. A sustained
// search reserves one run (zone pair) per probe and target up front: BIND is started with every zone.
var runs = new List<BenchRun>();
if (options.Sustained)
{
    // One more per target for the warm-up run (JIT, first connections), which the search does not count,
    // and two for probes repeated because the pacer itself fell short.
    for (var probe = 0; probe < options.SustainProbes + 3; probe++)
    {
        foreach (var target in options.Targets)
        {
            runs.Add(new BenchRun(runs.Count + 1, target, 0, 0));
        }
    }
}
else
{
    for (var round = 0; round < options.Repeat; round++)
    {
        foreach (var rate in options.Rates)
        {
            foreach (var target in options.Targets)
            {
                runs.Add(new BenchRun(runs.Count + 1, target, rate, options.Changes));
            }
        }
    }
}

if (runs.Count > BenchRun.MaxRuns)
{
    await Console.Error.WriteLineAsync($"Fos1.Bench.Ncr: {runs.Count} runs; at most {BenchRun.MaxRuns} fit in 10.0.0.0/8 (one /16 each).");
    return 2;
}

Console.WriteLine("# NCR throughput: kea sidecar vs kea-dhcp-ddns, one real BIND");
Console.WriteLine();
Console.WriteLine($"Command: dotnet {Environment.CommandLine}");
Console.WriteLine($"(= dotnet run -c Release --project bench/Fos1.Bench.Ncr -- {string.Join(' ', args)}; that build also builds the sidecar)".Replace(" )", ")", StringComparison.Ordinal));
Console.WriteLine();
await MachineDescription.PrintAsync(cancellationToken);

Console.WriteLine();

await using var bind = await BindServer.StartAsync(
    new BindServerOptions
    {
        Zones = [new BindZone("home.arpa"), .. runs.SelectMany(run => new[] { new BindZone(run.ForwardZone), new BindZone(run.ReverseZone) })],
        StartTimeout = TimeSpan.FromSeconds(60),
    },
    cancellationToken);
Console.Error.WriteLine($"BIND: {bind}");

var targets = new Dictionary<string, INcrTarget>();
var followers = new Dictionary<string, LogFollower>();
var results = new List<RunResult>();
IReadOnlyDictionary<string, RateSearch>? searches = null;
await using var bindLog = new LogFollower(() => bind.RecentOutput);
try
{
    foreach (var name in options.Targets)
    {
        var own = runs.Where(run => run.Target == name).ToList();
        var zones = new BenchZones(bind.Endpoint, bind.Key, [.. own.Select(run => run.ForwardZone)], [.. own.Select(run => run.ReverseZone)]);
        var target = name == BenchTargetNames.Sidecar
            ? (INcrTarget)await SidecarTarget.StartAsync(options.SidecarDll, zones, options.DnsServerTimeoutMs,
                options.SidecarMaxInFlight, cancellationToken)
            : await KeaD2Target.StartAsync(zones, options.DnsServerTimeoutMs, cancellationToken);
        targets[name] = target;
        followers[name] = new LogFollower(() => target.RecentOutput);
        Console.Error.WriteLine($"{name}: NCRs to udp/{target.Endpoint}");
    }

    if (options.Sustained)
    {
        searches = await SustainedSearch.RunAsync(options, runs, MeasureAsync, cancellationToken);
    }
    else
    {
        foreach (var run in runs)
        {
            await MeasureAsync(run);
        }
    }

    async Task<RunResult> MeasureAsync(BenchRun run)
    {
        bindLog.Take();
        followers[run.Target].Take();
        var result = await RunMeasurement.MeasureAsync(run, targets[run.Target], bind.Endpoint, options, cancellationToken);
        var targetLog = followers[run.Target].Take();
        var bindProblems = bindLog.Take();
        result = result with
        {
            TargetLog = [.. targetLog.Summary, .. targetLog.Overran ? ["(log ring overran: counts are lower bounds)"] : Array.Empty<string>()],
            DnsServerLog = [.. bindProblems.Summary, .. bindProblems.Overran ? ["(log ring overran: counts are lower bounds)"] : Array.Empty<string>()],
        };
        results.Add(result);
        Console.Error.WriteLine(ResultTable.Progress(result));
        foreach (var (who, log, examples) in new[] { (run.Target, result.TargetLog, targetLog.Examples), ("named", result.DnsServerLog, bindProblems.Examples) })
        {
            if (examples.Count > 0)
            {
                Console.Error.WriteLine($"  {who}: {string.Join("; ", log)}");
                foreach (var line in examples)
                {
                    Console.Error.WriteLine($"    {line}");
                }
            }
        }

        return result;
    }
}
finally
{
    foreach (var follower in followers.Values)
    {
        await follower.DisposeAsync();
    }

    foreach (var target in targets.Values)
    {
        await target.DisposeAsync();
    }
}

Console.WriteLine($"Load average at the end: {MachineDescription.LoadAverage()}");
Console.WriteLine();
Console.WriteLine(ResultTable.Render(results, options.Sustained ? options.SustainTolerance : null));
if (searches is not null)
{
    Console.WriteLine(SustainedTable.Render(searches, options));
}

Console.WriteLine(
    "refused sends = datagrams the kernel refused (ECONNREFUSED: nothing was listening on the NCR port at that moment); " +
    "lost = offered - hosts with both A and PTR after the drain (AXFR); latency = NCR sent -> A answerable, " +
    $"{options.LatencySamples} sampled names per run (min re-query interval {LandingProber.MinInterval.TotalMilliseconds:0} ms, " +
    $"{options.ProbeQueriesPerSecond} probe queries/s max); duration = first NCR sent -> last record seen landing; " +
    $"end = complete (AXFR found every record) | quiet ({options.Quiet.TotalSeconds:0} s without a landing) | deadline ({options.DrainDeadline.TotalSeconds:0} s); " +
    "lag = last NCR sent -> last record landed; kernel drops = UDP RcvbufErrors during the run, machine-wide.");
var logged = results.Where(result => result.TargetLog.Count + result.DnsServerLog.Count > 0).ToList();
if (logged.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Log lines during each run (target: warnings and errors, D2 also INFO; named: failed or dropped updates):");
    foreach (var result in logged)
    {
        Console.WriteLine($"- {result.Run.Target} @ {result.Run.Rate}/s: target: {string.Join("; ", result.TargetLog.DefaultIfEmpty("-"))}; " +
            $"named: {string.Join("; ", result.DnsServerLog.DefaultIfEmpty("-"))}");
    }
}

return 0;
