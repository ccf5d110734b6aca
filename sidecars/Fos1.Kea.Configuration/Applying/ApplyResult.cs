namespace Fos1.Kea.Configuration.Applying;

/// <summary>What became of one <see cref="KeaConfigApplier.ApplyAsync"/>; <see cref="ConfigHash"/> is the offered config's hash.</summary>
public abstract record ApplyResult(string ConfigHash)
{
    /// <summary>
    /// Kea runs the configuration. <paramref name="Unchanged"/>: it already did, nothing was sent but
    /// <c>config-get</c>. <paramref name="WriteFailure"/>: <c>config-write</c> failed (Kea's text), so a restart
    /// would lose it; the next apply writes again.
    /// </summary>
    public sealed record Applied(string ConfigHash, bool Unchanged, string? WrittenTo, string? WriteFailure = null) : ApplyResult(ConfigHash);

    /// <summary>Kea refused it in <paramref name="Command"/> (<c>config-test</c> or <c>config-set</c>) with <paramref name="KeaMessage"/>; the old configuration keeps running.</summary>
    public sealed record Rejected(string ConfigHash, string Command, string KeaMessage) : ApplyResult(ConfigHash);

    /// <summary>No usable answer from Kea (socket missing, timeout, malformed reply); nothing is known to have changed.</summary>
    public sealed record Unreachable(string ConfigHash, string Error) : ApplyResult(ConfigHash);
}
