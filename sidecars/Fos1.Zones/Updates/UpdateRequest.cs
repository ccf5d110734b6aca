namespace Fos1.Zones.Updates;

/// <summary>
/// A parsed UPDATE message (RFC 2136 section 2): its zone section (ZOCOUNT entries), prerequisite
/// section and update section. The wire layer fills it; the additional section (TSIG) is verified
/// there and arrives as the signer's key name beside the request.
/// </summary>
public sealed record UpdateRequest(
    IReadOnlyList<ZoneSection> Zone,
    IReadOnlyList<RawRecord> Prerequisites,
    IReadOnlyList<RawRecord> Updates);
