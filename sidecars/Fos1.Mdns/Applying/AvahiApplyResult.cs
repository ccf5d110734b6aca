namespace Fos1.Mdns.Applying;

/// <summary>What <see cref="AvahiConfigFile.ApplyAsync"/> did.</summary>
public enum AvahiApplyResult
{
    /// <summary>The file already held this text: nothing written, avahi left alone.</summary>
    Unchanged,

    /// <summary>The file was replaced and the running avahi-daemon was told to restart.</summary>
    Restarted,

    /// <summary>The file was replaced; no avahi-daemon was running, the next one reads it.</summary>
    WrittenNotRunning,
}
