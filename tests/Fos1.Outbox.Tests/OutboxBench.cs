using System.Diagnostics;
using Fos1.Outbox.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Outbox.Tests;

/// <summary>
/// Not a test: <c>dotnet Fos1.Outbox.Tests.dll bench DIR</c> prints fsynced appends/s for several numbers of
/// concurrent appenders, and the managed memory per pending change after reopening a 100,000-change backlog.
/// </summary>
internal static class OutboxBench
{
    public static async Task RunAsync(string directory)
    {
        foreach (var writers in new[] { 1, 16, 64, 256, 1024 })
        {
            var dir = Path.Combine(directory, $"w{writers}");
            Directory.CreateDirectory(dir);
            using var outbox = UpdateOutbox.Open(new OutboxOptions { Directory = dir }, NullLogger<UpdateOutbox>.Instance);
            var total = writers == 1 ? 2_000 : 200_000;
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                int host;
                while ((host = Interlocked.Increment(ref next)) < total)
                {
                    await outbox.AppendAsync(SampleChanges.Add(host));
                }
            })));
            clock.Stop();
            Console.WriteLine($"{writers,5} concurrent appenders: {total} appends in {clock.Elapsed.TotalSeconds:0.00} s = {total / clock.Elapsed.TotalSeconds:0} appends/s (each fsynced before it returned)");
        }

        var backlog = Path.Combine(directory, "w256");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var reopened = UpdateOutbox.Open(new OutboxOptions { Directory = backlog }, NullLogger<UpdateOutbox>.Instance);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"reopened {reopened.PendingCount} pending changes: {(after - before) / (double)reopened.PendingCount:0} bytes of managed memory per pending change");
        GC.KeepAlive(reopened);
    }
}
