namespace Fos1.Kea.Ncr;

/// <summary>Why a datagram was not a usable NameChangeRequest; the kind is the metric label.</summary>
public sealed record NcrDecodeError(NcrDecodeErrorKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}

public enum NcrDecodeErrorKind
{
    Truncated,
    BadJson,
    MissingField,
    BadValue,
    BadAddress,
    BadDhcid,
    BadFqdn,
}
