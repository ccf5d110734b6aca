using System.Text.Json;
using System.Text.Json.Serialization;
using Fos1.Ctl.Endpoint;
using Fos1.Ctl.Plan;
using Fos1.Ddns.Reconciliation;

namespace Fos1.Ctl;

/// <summary>
/// Source-generated JSON for everything fos1ctl reads (/status, /resync) and writes (plan --json), so the native (AOT)
/// build needs no reflection. The options live on the instance because <c>JsonSourceGenerationOptions</c> cannot give
/// the enum converters their camelCase naming policy.
/// </summary>
[JsonSerializable(typeof(SidecarStatus))]
[JsonSerializable(typeof(ResyncResult))]
[JsonSerializable(typeof(PlanDocument))]
internal sealed partial class CtlJson : JsonSerializerContext
{
    /// <summary>camelCase (Web defaults: case-insensitive reading), indented writing, enums as camelCase names.</summary>
    public static CtlJson Web { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters =
        {
            new JsonStringEnumConverter<ReconciliationAction>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<ReconciliationReason>(JsonNamingPolicy.CamelCase),
        },
    });
}
