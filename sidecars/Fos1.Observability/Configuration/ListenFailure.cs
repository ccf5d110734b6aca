using System.Net.Sockets;

namespace Fos1.Observability.Configuration;

/// <summary>
/// A port a sidecar must listen on (NCRs, UPDATEs, gRPC, the HTTP endpoint) is taken or not allowed. That is an
/// operator's problem to fix, not a crash: the sidecar says which and exits 1 instead of dying with a stack trace.
/// </summary>
public static class ListenFailure
{
    /// <returns>What went wrong, when <paramref name="exception"/> (or an exception inside it) is such a failure; otherwise null.</returns>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AccessDenied or SocketError.AddressNotAvailable })
            {
                // The outermost message names the address (Kestrel: "Failed to bind to address http://...").
                return exception is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0].Message : exception.Message;
            }
        }

        return null;
    }
}
