using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fos1.Kubernetes.Json;

/// <summary>
/// Kubernetes times: metav1.Time is written RFC 3339 to the second (<c>2026-11-29T06:00:00Z</c>), metav1.MicroTime
/// (Lease acquireTime/renewTime) with exactly 6 fractional digits, because Go parses it with RFC3339Micro. Both read
/// with or without fractions (Go writes up to 9 digits; .NET keeps 7).
/// </summary>
public static class Rfc3339Time
{
    public const string SecondsFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";
    public const string MicroFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    public static string Format(DateTime value) => value.ToUniversalTime().ToString(SecondsFormat, CultureInfo.InvariantCulture);

    public static string FormatMicro(DateTime value) => value.ToUniversalTime().ToString(MicroFormat, CultureInfo.InvariantCulture);

    public static DateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = TrimFraction(text);
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        throw new FormatException($"'{text}' is not an RFC 3339 time.");
    }

    // .NET parses at most 7 fractional digits; Go's RFC3339Nano writes up to 9.
    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }

    /// <summary>metav1.Time: whole seconds.</summary>
    public sealed class Converter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString() ?? throw new JsonException("A time is null."));

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value));
    }

    /// <summary>metav1.Time as a DateTimeOffset (conditions' lastTransitionTime): whole seconds, in UTC.</summary>
    public sealed class OffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(Parse(reader.GetString() ?? throw new JsonException("A time is null.")));

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value.UtcDateTime));
    }

    /// <summary>metav1.MicroTime: exactly 6 fractional digits.</summary>
    public sealed class MicroConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString() ?? throw new JsonException("A time is null."));

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatMicro(value));
    }
}
