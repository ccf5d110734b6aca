namespace Fos1.Kea.ControlSocket;

/// <summary>Why a control command produced no usable answer (a metric label).</summary>
public enum KeaControlFailure
{
    /// <summary>The socket or Control Agent could not be reached, or the connection broke.</summary>
    Unreachable,

    /// <summary>No complete answer within the configured time.</summary>
    Timeout,

    /// <summary>The reply exceeded the configured size cap.</summary>
    ReplyTooLarge,

    /// <summary>The reply was not a Kea answer (bad JSON, missing result, wrong shapes).</summary>
    MalformedReply,

    /// <summary>Kea answered with result 1 (error) or 2 (unsupported command, e.g. lease_cmds not loaded).</summary>
    CommandFailed,
}
