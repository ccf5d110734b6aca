using System.Diagnostics.CodeAnalysis;
using Fos1.Ddns.Leases;

namespace Fos1.Kea.Hooks;

/// <summary>
/// The lease events of one spool file, or why the file was refused. A well-formed file may carry no
/// events at all: <c>lease4_renew</c> for a DHCPDISCOVER, or <c>leases4_committed</c> with empty lists.
/// </summary>
public sealed record HookParseResult(string? HookPoint, IReadOnlyList<LeaseEvent> Events, HookParseError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(HookPoint))]
    public bool IsSuccess => Error is null;

    public static HookParseResult Ok(string hookPoint, IReadOnlyList<LeaseEvent> events) => new(hookPoint, events, null);

    public static HookParseResult Fail(string? hookPoint, HookParseErrorKind kind, string message) =>
        new(hookPoint, [], new HookParseError(kind, message));
}
