using Fos1.Outbox.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Outbox.Tests;

/// <summary>
/// The child process of the crash test: <c>dotnet Fos1.Outbox.Tests.dll crash-writer DIR</c> appends
/// changes from 16 concurrent writers forever and prints "acked N" for each durable one, until killed.
/// <c>bench DIR</c> measures fsynced appends per second (see <see cref="OutboxBench"/>).
/// </summary>
public static class CrashWriter
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["bench", var benchDirectory])
        {
            await OutboxBench.RunAsync(benchDirectory);
            return 0;
        }

        if (args is not ["crash-writer", var directory])
        {
            await Console.Error.WriteLineAsync("usage: crash-writer DIR | bench DIR");
            return 2;
        }

        var outbox = UpdateOutbox.Open(new OutboxOptions { Directory = directory }, NullLogger<UpdateOutbox>.Instance);
        var next = -1;
        var output = Console.Out;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var host = Interlocked.Increment(ref next);
                await outbox.AppendAsync(SampleChanges.Add(host));
                lock (output)
                {
                    output.WriteLine($"acked {host}");
                    output.Flush();
                }
            }
        })));
        return 0;
    }
}
