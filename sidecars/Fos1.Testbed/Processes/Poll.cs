namespace Fos1.Testbed.Processes;

/// <summary>Waits for a condition by checking it repeatedly until a deadline, never by sleeping a guessed time.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <exception cref="TimeoutException">The condition did not hold before the deadline; the message says what was awaited.</exception>
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string awaited,
        Func<string>? diagnostics = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!await condition(deadline.Token).ConfigureAwait(false))
            {
                await Task.Delay(Interval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var detail = diagnostics?.Invoke();
            throw new TimeoutException(
                $"Gave up after {timeout.TotalSeconds:0.#} s waiting for {awaited}."
                + (string.IsNullOrWhiteSpace(detail) ? "" : Environment.NewLine + detail));
        }
    }

    public static Task UntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string awaited,
        Func<string>? diagnostics = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(_ => Task.FromResult(condition()), timeout, awaited, diagnostics, cancellationToken);
    }
}
