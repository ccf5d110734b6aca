using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fos1.AdGuard.Api;

/// <summary>
/// The JSON of every /control/* request and response, generated at compile time: the native (AOT) sidecar has no
/// reflection serializer. Web defaults (case-insensitive names, numbers in strings) as AdGuard Home's Go encoder
/// needs, and absent optional objects left out rather than sent as null.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FilteringStatus))]
[JsonSerializable(typeof(ClientList))]
[JsonSerializable(typeof(DnsInfo))]
[JsonSerializable(typeof(ClientInfo))]
[JsonSerializable(typeof(AddUrlRequest))]
[JsonSerializable(typeof(RemoveUrlRequest))]
[JsonSerializable(typeof(SetUrlRequest))]
[JsonSerializable(typeof(SetRulesRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(FilteringConfigRequest))]
[JsonSerializable(typeof(UpdateClientRequest))]
[JsonSerializable(typeof(DeleteClientRequest))]
[JsonSerializable(typeof(UpstreamsRequest))]
internal sealed partial class AdGuardJson : JsonSerializerContext;
