namespace Fos1.Kea.ControlSocket;

/// <summary>
/// A way to send Kea one control command and get its answer: the daemon's unix socket or the Control Agent.
/// Kea's result codes come back as they are (result 1 is not an exception here); transport problems,
/// oversize and malformed replies throw <see cref="KeaControlException"/>.
/// </summary>
public interface IKeaControlChannel
{
    /// <summary>Where commands go, for log lines and error messages.</summary>
    string Endpoint { get; }

    Task<KeaCommandResponse> SendAsync(KeaCommand command, CancellationToken cancellationToken);
}
