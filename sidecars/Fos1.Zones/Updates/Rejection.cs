using Fos1.Ddns.Updates;

namespace Fos1.Zones.Updates;

/// <summary>Why a stage of update processing stopped the message.</summary>
internal sealed record Rejection(ResponseCode Code, string Reason);
