namespace Fos1.Kubernetes.Clients;

/// <summary>
/// The API server answered 410 Gone: the resourceVersion (or continue token) is older than the history it
/// keeps, so events may have been lost and the only way back is a fresh list.
/// </summary>
public sealed class ResourceExpiredException : Exception
{
    public ResourceExpiredException()
        : this("The resourceVersion is too old (410 Gone).")
    {
    }

    public ResourceExpiredException(string message)
        : base(message)
    {
    }

    public ResourceExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
