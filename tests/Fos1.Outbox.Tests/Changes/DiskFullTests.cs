using System.Diagnostics;
using Fos1.Outbox.Changes;
using Fos1.Outbox.Journaling;
using static Fos1.Outbox.Tests.SampleChanges;

namespace Fos1.Outbox.Tests.Changes;

/// <summary>Runs the outbox on a 64 KiB tmpfs (needs root, as on the CI machine and this one).</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private bool _mounted;

    public DiskFullTests()
    {
        Mount("-t", "tmpfs", "-o", "size=64k", "none", _dir.Path);
        _mounted = true;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            Run("umount", _dir.Path);
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task A_full_disk_fails_the_append_with_a_clear_error_and_the_journal_stays_intact()
    {
        var acknowledged = new List<int>();
        JournalWriteException? error = null;
        using (var outbox = UpdateOutboxTests.Open(_dir.Options))
        {
            for (var host = 0; host < 10_000 && error is null; host++)
            {
                try
                {
                    await outbox.AppendAsync(Add(host));
                    acknowledged.Add(host);
                }
                catch (JournalWriteException e)
                {
                    error = e;
                }
            }

            Assert.NotNull(error);
            Assert.Contains("do not acknowledge their source", error.Message, StringComparison.Ordinal);
            Assert.Contains(_dir.Path, error.Message, StringComparison.Ordinal);
            Assert.Equal(acknowledged.Count, outbox.PendingCount);
            await Assert.ThrowsAsync<JournalWriteException>(() => outbox.AppendAsync(Add(77_777)));

            Mount("-o", "remount,size=1m", _dir.Path); // space freed
            await outbox.AppendAsync(Add(99_999));
            acknowledged.Add(99_999);
        }

        using var reopened = UpdateOutboxTests.Open(_dir.Options);

        Assert.Equal(0, reopened.TruncatedBytes);
        Assert.Equal(acknowledged.Select(h => Add(h)), reopened.TakeBatch(int.MaxValue).Select(e => e.Change));
    }

    private static void Mount(params string[] args)
    {
        var (code, output) = Run("mount", args);
        Assert.True(code == 0, $"mount {string.Join(' ', args)} failed ({output}); this test needs root (CAP_SYS_ADMIN) and the mount command (apt package mount)");
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
