using Fos1.Ddns.Updates;

namespace Fos1.Dns.Sending;

/// <summary>What became of one UPDATE: a server answer we trust, or a failure to get one.</summary>
public abstract record UpdateOutcome;

/// <summary>
/// The server answered, and (for signed updates) its TSIG verified: NOERROR means applied,
/// YXDOMAIN/NXRRSET/... mean a prerequisite failed and nothing was applied.
/// </summary>
public sealed record UpdateAnswered(ResponseCode ResponseCode) : UpdateOutcome;

/// <summary>No trustworthy answer; whether the server applied the update is unknown unless <see cref="Kind"/> says so.</summary>
public sealed record UpdateFailed(UpdateFailureKind Kind, string Detail) : UpdateOutcome;
