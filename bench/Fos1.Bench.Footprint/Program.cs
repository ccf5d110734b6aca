using System.Diagnostics;
using System.Globalization;
using Fos1.Bench.Common.Reporting;
using Fos1.Bench.Footprint;
using Fos1.Bench.Footprint.Measuring;
using Fos1.Bench.Footprint.Reporting;
using Fos1.Bench.Footprint.Targets;
using Fos1.Testbed.Network;

FootprintOptions options;
try
{
    options = FootprintOptions.Parse(args);
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
using var http = ReadinessPoller.CreateClient();
var rows = new List<FootprintRow>();
foreach (var name in options.Variants)
{
    await using IFootprintVariant variant = name switch
    {
        "kea" => await KeaVariant.StartAsync(kubernetes: false, options.Changes, options.KeaDll, cancellationToken),
        "kea-k8s" => await KeaVariant.StartAsync(kubernetes: true, options.Changes, options.KeaDll, cancellationToken),
        "dns" => await DnsVariant.StartAsync(kubernetes: false, options.Changes, cancellationToken),
        "dns-k8s" => await DnsVariant.StartAsync(kubernetes: true, options.Changes, cancellationToken),
        _ => await ConfigVariant.StartAsync(cancellationToken),
    };
    var ready = new List<double>();
    var readyCpu = new List<double>();
    for (var start = 1; start <= options.Starts; start++)
    {
        var port = FreePort.ForUdpAndTcp();
        var argument = string.Create(CultureInfo.InvariantCulture, $"--Observability:HttpEndpoint=127.0.0.1:{port}");
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var started = Stopwatch.GetTimestamp();
        var polling = ReadinessPoller.UntilReadyAsync(http, new Uri(baseAddress, "/readyz"), started, TimeSpan.FromSeconds(30), cancellationToken);
        await using var sidecar = await variant.StartAsync(argument, baseAddress, cancellationToken);
        TimeSpan elapsed;
        try
        {
            elapsed = await polling;
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"{variant.Name}: never ready; its output:\n{sidecar.RecentOutput()}");
            throw;
        }

        ready.Add(elapsed.TotalMilliseconds);
        var pid = ProcessMemory.FindByArgument(argument);
        var atReady = ProcessMemory.Read(pid);
        readyCpu.Add(ProcessCpu.ReadMs(pid));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{variant.Name} start {start}: ready after {elapsed.TotalMilliseconds:0} ms ({readyCpu[^1]:0} ms CPU), RSS {atReady.RssMib:0.0} MiB"));
        if (start < options.Starts)
        {
            continue;
        }

        await Task.Delay(options.Idle, cancellationToken);
        var idle = ProcessMemory.Read(pid);
        var breakdown = MemoryBreakdown.Read(pid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant.Name}: idle RSS {idle.RssMib:0.0} MiB, from smaps:"));
        Console.Write(breakdown.Render());
        foreach (var figure in await RuntimeFigures.ReadAsync(http, new Uri(baseAddress, "/metrics"), cancellationToken))
        {
            Console.WriteLine("  " + figure);
        }

        ProcessMemory? loaded = null;
        if (sidecar.LoadAsync is { } load)
        {
            var loading = Stopwatch.GetTimestamp();
            await load(cancellationToken);
            loaded = ProcessMemory.Read(pid);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{variant.Name}: {variant.Load} done in {Stopwatch.GetElapsedTime(loading).TotalSeconds:0.0} s, RSS {loaded.RssMib:0.0} MiB"));
        }

        rows.Add(new FootprintRow(variant.Name, ready, readyCpu, atReady, idle, variant.Load, loaded));
    }
}

Console.WriteLine();
Console.WriteLine(FootprintTable.Render(rows, options.Idle));
Console.WriteLine($"- load average at the end: {MachineDescription.LoadAverage()}");
return 0;
