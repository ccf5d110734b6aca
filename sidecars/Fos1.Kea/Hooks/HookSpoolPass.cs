namespace Fos1.Kea.Hooks;

/// <summary>What one scan of the spool did.</summary>
/// <param name="Consumed">Files whose events the consumer took (then deleted).</param>
/// <param name="Rejected">Files moved to rejected/.</param>
/// <param name="Blocked">The consumer failed: the pass stopped at that file to keep the order, and it is retried.</param>
public sealed record HookSpoolPass(int Consumed, int Rejected, bool Blocked);
