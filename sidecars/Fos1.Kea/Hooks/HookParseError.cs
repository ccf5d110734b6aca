namespace Fos1.Kea.Hooks;

/// <summary>Why a spool file was not a usable hook event; the kind is the metric label.</summary>
public sealed record HookParseError(HookParseErrorKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}

public enum HookParseErrorKind
{
    /// <summary>The file is empty.</summary>
    Empty,

    /// <summary>The last entry has no NUL terminator: the file was cut short (never happens with the shipped script's rename).</summary>
    Truncated,

    /// <summary>An entry has no '=': not <c>env -0</c> output.</summary>
    Malformed,

    /// <summary>FOS1_SPOOL_FORMAT names a format this parser does not know.</summary>
    UnsupportedFormat,

    /// <summary>FOS1_HOOK_POINT is missing or not one of Kea's run_script hook points.</summary>
    UnknownHookPoint,

    /// <summary>A variable Kea always exports for this hook point is absent.</summary>
    MissingVariable,

    /// <summary>A variable holds something Kea would not write (bad address, number, hex).</summary>
    BadValue,
}
