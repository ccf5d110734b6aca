using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fos1.Sidecars.Kea.Operations;

/// <summary>
/// Source-generated JSON for /status and /resync, so the native (AOT) build serializes them without reflection.
/// The options live on the instance because <c>JsonSourceGenerationOptions</c> cannot set the relaxed encoder.
/// </summary>
[JsonSerializable(typeof(KeaStatus))]
[JsonSerializable(typeof(ResyncResult))]
[JsonSerializable(typeof(OperationError))]
internal sealed partial class KeaOperationsJson : JsonSerializerContext
{
    /// <summary>camelCase, and "+" in versions and offsets left readable for curl users.</summary>
    public static KeaOperationsJson Web { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
