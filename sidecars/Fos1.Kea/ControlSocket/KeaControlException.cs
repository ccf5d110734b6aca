namespace Fos1.Kea.ControlSocket;

/// <summary>A control command failed; the message names the endpoint, the command and what to check.</summary>
public sealed class KeaControlException : Exception
{
    public KeaControlException(KeaControlFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public KeaControlException()
        : this(KeaControlFailure.Unreachable, "Kea control command failed")
    {
    }

    public KeaControlException(string message)
        : this(KeaControlFailure.Unreachable, message)
    {
    }

    public KeaControlException(string message, Exception innerException)
        : this(KeaControlFailure.Unreachable, message, innerException)
    {
    }

    public KeaControlFailure Failure { get; }
}
