namespace Fos1.Mdns.Applying;

/// <summary>
/// Makes the running avahi-daemon read its configuration file again. <c>avahi-daemon -r</c> reloads only the
/// static service files, so a changed avahi-daemon.conf needs a new process.
/// </summary>
public interface IAvahiRestart
{
    Task<AvahiRestartOutcome> RestartAsync(CancellationToken cancellationToken = default);
}
