using Fos1.Testbed.Sidecars;

namespace Fos1.LocalStack;

/// <summary>Shows the sidecar's one-line-per-change log as it grows.</summary>
internal sealed class SidecarLog(KeaSidecarProcess sidecar)
{
    private readonly HashSet<string> _shown = [];

    /// <summary>Name changes the sidecar has finished so far.</summary>
    public int Finished => Lines().Count(IsFinishedChange);

    public void PrintNew()
    {
        foreach (var line in Lines().Where(IsFinishedChange).Where(_shown.Add))
        {
            Console.WriteLine("  sidecar: " + line[(line.IndexOf(']', StringComparison.Ordinal) + 1)..].Trim());
        }
    }

    private string[] Lines() => sidecar.RecentOutput.Split(Environment.NewLine);

    private static bool IsFinishedChange(string line) => line.Contains("NameChangeDispatcher[300]", StringComparison.Ordinal);
}
