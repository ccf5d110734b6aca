using System.Globalization;
using CliWrap;

namespace Fos1.Testbed.Processes;

/// <summary>
/// A small tmpfs mounted on a fresh temporary directory: a volume that can be filled to the last byte
/// (ENOSPC) and emptied again, as a full outbox volume in a pod. Needs root (mount). Disposing unmounts
/// and deletes the mount point.
/// </summary>
public sealed class TmpfsVolume : IAsyncDisposable
{
    private static readonly Tool Mount = new("mount", "mount");
    private static readonly Tool Umount = new("umount", "mount");

    private TmpfsVolume(string path) => Path = path;

    public string Path { get; }

    private string FillerPath => System.IO.Path.Combine(Path, "filler");

    public static async Task<TmpfsVolume> MountAsync(int sizeKiB, CancellationToken cancellationToken = default)
    {
        var path = Directory.CreateTempSubdirectory("fos1-tmpfs-").FullName;
        try
        {
            await ToolRun.RunCheckedAsync(
                Cli.Wrap(Mount.Path).WithArguments(["-t", "tmpfs", "-o", $"size={sizeKiB.ToString(CultureInfo.InvariantCulture)}k,mode=0755", "tmpfs", path]),
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(path);
            throw;
        }

        return new TmpfsVolume(path);
    }

    /// <summary>Writes a filler file until the volume refuses more (no space left on device).</summary>
    /// <returns>The bytes the filler took.</returns>
    public long Fill()
    {
        var chunk = new byte[4096];
        using var filler = new FileStream(FillerPath, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the point of the exercise.
        }

        return filler.Length;
    }

    /// <summary>Gives the filler's space back.</summary>
    public void Free() => File.Delete(FillerPath);

    public async ValueTask DisposeAsync()
    {
        await ToolRun.RunAsync(Cli.Wrap(Umount.Path).WithArguments(["-l", Path])).ConfigureAwait(false);
        Directory.Delete(Path, recursive: true);
    }
}
