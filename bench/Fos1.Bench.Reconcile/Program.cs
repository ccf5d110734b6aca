using System.Diagnostics;
using Fos1.Bench.Common.Reporting;
using Fos1.Bench.Reconcile;
using Fos1.Bench.Reconcile.Measuring;
using Fos1.Bench.Reconcile.Reporting;
using Fos1.Bench.Reconcile.Targets;
using Fos1.Bench.Reconcile.Workload;

ReconcileOptions options;
try
{
    options = ReconcileOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var cancellation = ConsoleCancellation.OnCtrlC();
var cancellationToken = cancellation.Token;

await MachineDescription.PrintAsync(cancellationToken);

Console.WriteLine($"- arguments: {string.Join(' ', args)}");
var clock = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,7:0.0} s] {message}");

var rows = new List<ReconcileRow>();
for (var run = 1; run <= options.Repeat; run++)
{
    var workload = ReconcileWorkload.Build(options, DateTimeOffset.UtcNow);
    Log($"run {run}: {workload.Leases.Count} leases, {workload.OwnedNames} owned names, {workload.Desired.Count} desired records");
    await using var stack = await ReconcileLab.StartAsync(workload, options, Log, cancellationToken);
    for (var resync = 1; resync <= options.Resyncs; resync++)
    {
        rows.Add(await FullRun.MeasureAsync(stack, workload, options, $"{run}.{resync}", drifted: resync == 1, Log, cancellationToken));
    }

    Log($"run {run}: load average {MachineDescription.LoadAverage()}");
}

Console.WriteLine();
Console.WriteLine(ReconcileTable.Render(rows));
Console.WriteLine($"- load average at the end: {MachineDescription.LoadAverage()}");
return rows.All(row => row.Verified.Equal) ? 0 : 1;
