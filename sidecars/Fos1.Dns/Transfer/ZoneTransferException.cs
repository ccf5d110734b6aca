namespace Fos1.Dns.Transfer;

/// <summary>A zone transfer failed; the message names the server, the zone and the cause.</summary>
public sealed class ZoneTransferException : Exception
{
    public ZoneTransferException(ZoneTransferFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ZoneTransferException()
        : this(ZoneTransferFailure.Unreachable, "zone transfer failed")
    {
    }

    public ZoneTransferException(string message)
        : this(ZoneTransferFailure.Malformed, message)
    {
    }

    public ZoneTransferException(string message, Exception innerException)
        : this(ZoneTransferFailure.Malformed, message, innerException)
    {
    }

    public ZoneTransferFailure Failure { get; }
}
