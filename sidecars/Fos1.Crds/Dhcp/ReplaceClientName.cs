using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Fos1.Crds.Dhcp;

/// <summary>Kea's <c>ddns-replace-client-name</c>, spelled as Kea spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplaceClientName>))]
public enum ReplaceClientName
{
    [JsonStringEnumMemberName("never")]
    [EnumMember(Value = "never")]
    Never,

    [JsonStringEnumMemberName("always")]
    [EnumMember(Value = "always")]
    Always,

    [JsonStringEnumMemberName("when-present")]
    [EnumMember(Value = "when-present")]
    WhenPresent,

    [JsonStringEnumMemberName("when-not-present")]
    [EnumMember(Value = "when-not-present")]
    WhenNotPresent,
}
