using System.Diagnostics;
using Fos1.Outbox.Journaling;

namespace Fos1.Zones.Store.Tests;

/// <summary>Runs the store on a 64 KiB tmpfs (needs root, as on the CI machine and this one).</summary>
public sealed class ZoneStoreDiskFullTests : IDisposable
{
    private readonly StoreFixture _fixture = new();
    private bool _mounted;

    public ZoneStoreDiskFullTests()
    {
        Directory.CreateDirectory(_fixture.StoreDirectory);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "none", _fixture.StoreDirectory);
        Assert.True(code == 0, $"mount failed ({output}); this test needs root (CAP_SYS_ADMIN) and the mount command (apt package mount)");
        _mounted = true;
    }

    [Fact]
    public async Task On_a_full_disk_refused_commits_change_nothing_and_every_acknowledged_one_survives_a_crash()
    {
        var store = _fixture.Open(suspendFileWrites: true);
        var acknowledged = 0;
        var refused = 0;
        for (var round = 0; round < 1000 && refused == 0; round++)
        {
            var commits = new List<Task>();
            for (var i = 0; i < 20; i++)
            {
                commits.Add(store.CommitAsync(StoreFixture.Update(store.Latest(StoreFixture.Origin), (round * 20) + i)));
            }

            foreach (var commit in commits)
            {
                try
                {
                    await commit;
                    acknowledged++;
                }
                catch (JournalWriteException)
                {
                    refused++;
                }
            }
        }

        Assert.True(refused > 0, "the disk never filled up");
        var current = store.Current(StoreFixture.Origin);
        Assert.Equal(100u + (uint)acknowledged, current.Serial);
        Assert.Same(current, store.Latest(StoreFixture.Origin));
        await store.AbandonAsync();

        await using var reopened = _fixture.Open();
        Assert.Equal(current, reopened.Current(StoreFixture.Origin));
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", _fixture.StoreDirectory);
        }

        _fixture.Dispose();
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
