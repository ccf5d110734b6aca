namespace Fos1.Bench.Common.Reporting;

/// <summary>Ctrl-C cancels the run instead of killing the process.</summary>
public static class ConsoleCancellation
{
    /// <summary>A source cancelled by Ctrl-C, so the fixtures dispose: the daemons, namespaces and temp directories go with them.</summary>
    public static CancellationTokenSource OnCtrlC()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return cancellation;
    }
}
