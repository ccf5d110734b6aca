namespace Fos1.Corefile.Validation;

/// <summary>The spec cannot become a Corefile CoreDNS would load; every problem is listed.</summary>
public sealed class InvalidCorefileSpecException : Exception
{
    public InvalidCorefileSpecException(IReadOnlyList<CorefileSpecError> errors)
        : base("invalid Corefile spec: " + string.Join("; ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    public InvalidCorefileSpecException()
        : this([])
    {
    }

    public InvalidCorefileSpecException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InvalidCorefileSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<CorefileSpecError> Errors { get; }
}
