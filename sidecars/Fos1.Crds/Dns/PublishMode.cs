using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Fos1.Crds.Dns;

/// <summary>How CoreDNS gets a zone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PublishMode>))]
public enum PublishMode
{
    [JsonStringEnumMemberName("Grpc")]
    [EnumMember(Value = "Grpc")]
    Grpc,

    [JsonStringEnumMemberName("Secondary")]
    [EnumMember(Value = "Secondary")]
    Secondary,

    [JsonStringEnumMemberName("File")]
    [EnumMember(Value = "File")]
    File,
}
