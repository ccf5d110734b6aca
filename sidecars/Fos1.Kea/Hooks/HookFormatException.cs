namespace Fos1.Kea.Hooks;

/// <summary>Unwinds the parser to <see cref="HookEventParser.Parse"/>, which turns it into a result; never escapes.</summary>
internal sealed class HookFormatException : Exception
{
    public HookFormatException()
    {
    }

    public HookFormatException(string message)
        : base(message)
    {
    }

    public HookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HookFormatException(HookParseErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public HookParseErrorKind Kind { get; } = HookParseErrorKind.BadValue;
}
