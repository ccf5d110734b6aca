using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fos1.Kea.Configuration;

/// <summary>
/// "sha256:HEX" over a canonical form of a JSON tree (object members sorted by name, no whitespace), so two
/// configurations that differ only in member order hash alike.
/// </summary>
public static class KeaConfigHash
{
    public static string Compute(JsonNode? config)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, config);
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(member => member.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
