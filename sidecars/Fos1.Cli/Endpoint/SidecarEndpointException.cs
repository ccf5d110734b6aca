namespace Fos1.Ctl.Endpoint;

/// <summary>The sidecar's HTTP endpoint could not be reached or gave no answer we understand.</summary>
public sealed class SidecarEndpointException : Exception
{
    public SidecarEndpointException()
    {
    }

    public SidecarEndpointException(string message)
        : base(message)
    {
    }

    public SidecarEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
