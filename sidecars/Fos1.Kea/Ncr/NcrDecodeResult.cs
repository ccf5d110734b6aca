using System.Diagnostics.CodeAnalysis;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Ncr;

/// <summary>Either a decoded change or the reason the datagram was refused.</summary>
public readonly record struct NcrDecodeResult(NameChange? Change, NcrDecodeError? Error)
{
    [MemberNotNullWhen(true, nameof(Change))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Change is not null;

    public static NcrDecodeResult Ok(NameChange change) => new(change, null);

    public static NcrDecodeResult Fail(NcrDecodeErrorKind kind, string message) => new(null, new NcrDecodeError(kind, message));
}
