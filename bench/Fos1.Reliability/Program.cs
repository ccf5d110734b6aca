using Fos1.Bench.Common.Reporting;
using Fos1.Reliability;
using Fos1.Reliability.Faults;
using Fos1.Reliability.Reporting;
using Fos1.Testbed;

if (!OperatingSystem.IsLinux())
{
    await Console.Error.WriteLineAsync("reliability: needs Linux (network namespaces, tmpfs, Kea).");
    return 2;
}

ReliabilityOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(ReliabilityOptions.Usage);
        return 0;
    }

    options = ReliabilityOptions.Parse(args);
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"reliability: {e.Message}{Environment.NewLine}{ReliabilityOptions.Usage}");
    return 2;
}

using var cancellation = ConsoleCancellation.OnCtrlC();

var command = $"dotnet run -c Release --project bench/Fos1.Reliability -- {string.Join(' ', args)}".TrimEnd() +
    (args.Contains("--seed") ? "" : $" (seed drawn: {options.Seed}; pass --seed {options.Seed} to repeat)");
Console.WriteLine("# Reliability: faults with real processes");
Console.WriteLine($"Command: {command}");
Console.WriteLine($"Seed: {options.Seed}");
var machine = await MachineDescription.PrintAsync(cancellation.Token);

var scenarios = new FaultScenarios(options, cancellation.Token);
var dnsDown = new FaultScenarios(options with { Leases = options.DnsDownLeases }, cancellation.Token);
var all = new (string Name, Func<Task<ScenarioResult>> Run)[]
{
    ("dns-down", dnsDown.DnsServerStoppedAsync),
    ("sidecar-kill", scenarios.SidecarKilledAsync),
    ("kea-restart", scenarios.KeaRestartedAsync),
    ("lfc", scenarios.LeaseFileCleanupAsync),
    ("volume-full", scenarios.OutboxVolumeFullAsync),
};
var results = new List<ScenarioResult>();
foreach (var (name, run) in all.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Name)))
{
    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {name}...");
    var started = DateTime.UtcNow;
    ScenarioResult result;
    try
    {
        result = await run();
    }
    catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
    {
        result = new ScenarioResult(name, "-", new ConvergenceFigures(0, 0, 0, 0, null, ""), [], $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
    }

    results.Add(result);
    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {name}: {(result.Passed ? "pass" : "FAIL " + result.Failure)} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
}

var table = ReliabilityReport.Table(results);
Console.WriteLine();
Console.WriteLine(table);
if (options.Out != "-")
{
    var path = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(RepositoryRoot.Find(), options.Out);
    await File.WriteAllTextAsync(path, ReliabilityReport.Document(command, machine, table, options));
    Console.WriteLine($"Wrote {path}");
}

return results.All(r => r.Passed) ? 0 : 1;
