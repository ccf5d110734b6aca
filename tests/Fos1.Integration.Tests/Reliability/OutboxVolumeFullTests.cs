using Fos1.Integration.Tests.Sources;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Processes;

namespace Fos1.Integration.Tests.Reliability;

/// <summary>The sidecar's state directory (outbox journal) on a 1 MiB tmpfs that gets filled to the last byte.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OutboxVolumeFullTests
{
    private const string WriteFailed = "could not be made durable";

    [Fact]
    public async Task A_full_outbox_volume_is_reported_holds_the_events_back_keeps_the_journal_intact_and_converges_once_space_returns()
    {
        await using var volume = await TmpfsVolume.MountAsync(sizeKiB: 1024);
        await using var stack = await HookedStack.StartAsync(stateDirectory: Path.Combine(volume.Path, "state"));
        volume.Fill();

        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 40, Clients = 40, Rate = 40 });
        await Poll.UntilAsync(() => stack.Sidecar!.OutputContains(WriteFailed), TimeSpan.FromSeconds(30),
            "the sidecar to report that the journal could not be written",
            () => $"spool: {Directory.EnumerateFiles(stack.Spool).Count()} file(s); volume: {string.Join(", ", Directory.EnumerateFileSystemEntries(volume.Path, "*", SearchOption.AllDirectories).Select(f => $"{f} {(File.Exists(f) ? new FileInfo(f).Length : 0)}"))}{Environment.NewLine}{stack.Sidecar!.RecentOutput}");

        // Back-pressure: what could not be stored stays in Kea's spool, nothing was acknowledged.
        Assert.True(stack.Sidecar!.OutputContains("No space left on device"), stack.Sidecar.RecentOutput);
        Assert.NotEmpty(Directory.EnumerateFiles(stack.Spool));
        Assert.True(stack.Sidecar.IsRunning, "the sidecar must not crash on a full volume");

        // The worst moment to die: with failed writes behind it. The restart must find no torn journal.
        await stack.KillSidecarAsync();
        volume.Free();
        await stack.StartSidecarAsync();

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(40, (await stack.Kea.ReadLeasesAsync()).Count);
        Assert.False(stack.Sidecar!.OutputContains("torn or corrupt tail"), stack.Sidecar.RecentOutput);
        Assert.Empty(Directory.EnumerateFiles(stack.Spool));
    }

    [Fact]
    public async Task A_sidecar_that_keeps_running_through_a_full_volume_catches_up_by_itself_when_space_returns()
    {
        await using var volume = await TmpfsVolume.MountAsync(sizeKiB: 1024);
        await using var stack = await HookedStack.StartAsync(stateDirectory: Path.Combine(volume.Path, "state"));
        volume.Fill();

        // More than the 4 KiB page each journal already holds on the tmpfs: writes within it still succeed.
        await Perfdhcp.RunDhcp4Async(stack.Lab, new PerfdhcpOptions { Exchanges = 100, Clients = 100, Rate = 50 });
        await Poll.UntilAsync(() => stack.Sidecar!.OutputContains(WriteFailed), TimeSpan.FromSeconds(30),
            "the sidecar to report that the journal could not be written",
            () => $"spool: {Directory.EnumerateFiles(stack.Spool).Count()} file(s); volume: {string.Join(", ", Directory.EnumerateFileSystemEntries(volume.Path, "*", SearchOption.AllDirectories).Select(f => $"{f} {(File.Exists(f) ? new FileInfo(f).Length : 0)}"))}{Environment.NewLine}{stack.Sidecar!.RecentOutput}");
        volume.Free();

        await stack.WaitForConvergenceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(100, (await stack.Kea.ReadLeasesAsync()).Count);
        Assert.Empty(Directory.EnumerateFiles(stack.Spool));
    }
}
