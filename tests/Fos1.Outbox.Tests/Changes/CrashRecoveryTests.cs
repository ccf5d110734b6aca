using System.Diagnostics;
using Fos1.Outbox.Changes;

namespace Fos1.Outbox.Tests.Changes;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_change_acknowledged_before_a_SIGKILL_is_pending_after_the_restart()
    {
        var acked = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        using (var child = StartCrashWriter())
        {
            child.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } data && data.StartsWith("acked ", StringComparison.Ordinal))
                {
                    acked[int.Parse(data["acked ".Length..], System.Globalization.CultureInfo.InvariantCulture)] = true;
                }
            };
            child.BeginOutputReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acked.Count < 3000)
            {
                Assert.False(child.HasExited, "the crash writer exited on its own");
                Assert.True(DateTime.UtcNow < deadline, $"the crash writer acknowledged only {acked.Count} changes in 60 s");
                await Task.Delay(10);
            }

            child.Kill(); // SIGKILL mid-burst: no Dispose, no flush, batches in flight
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        using var reopened = UpdateOutboxTests.Open(_dir.Options);

        var pending = reopened.TakeBatch(int.MaxValue);
        var hosts = pending.Select(e => int.Parse(e.Change.Fqdn.Labels[0][1..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal([], acked.Keys.Except(hosts).Order().ToArray());
        Assert.Equal(pending.Select(e => e.Id).Order(), pending.Select(e => e.Id));
        Assert.Equal(pending.Count, hosts.Count);
    }

    private Process StartCrashWriter()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashWriter).Assembly.Location);
        start.ArgumentList.Add("crash-writer");
        start.ArgumentList.Add(_dir.Path);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
    }
}
