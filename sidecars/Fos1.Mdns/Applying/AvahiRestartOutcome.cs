namespace Fos1.Mdns.Applying;

/// <summary>What a restart request found.</summary>
public enum AvahiRestartOutcome
{
    /// <summary>The running daemon was told to stop; its supervisor starts it again with the new file.</summary>
    Signalled,

    /// <summary>No daemon runs (no pid file, or its process is gone): the next one to start reads the new file.</summary>
    NotRunning,
}
