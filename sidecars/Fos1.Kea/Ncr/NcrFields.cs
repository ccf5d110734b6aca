using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Fos1.Kea.Ncr;

/// <summary>Typed reads of NCR members that remember the first problem as a decode error.</summary>
internal sealed class NcrFields(JsonElement root)
{
    public NcrDecodeResult? Error { get; private set; }

    public bool Int(string name, out long value)
    {
        value = 0;
        return Get(name, JsonValueKind.Number, out var element) && (element.TryGetInt64(out value) || Fail(name, "is not an integer"));
    }

    public bool Bool(string name, out bool value)
    {
        value = false;
        if (!root.TryGetProperty(name, out var element))
        {
            return Missing(name);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return Fail(name, $"is {element.ValueKind}, not a boolean");
        }
    }

    public bool String(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!Get(name, JsonValueKind.String, out var element))
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private bool Get(string name, JsonValueKind kind, out JsonElement element)
    {
        if (!root.TryGetProperty(name, out element))
        {
            return Missing(name);
        }

        return element.ValueKind == kind || Fail(name, $"is {element.ValueKind}, not {kind}");
    }

    private bool Missing(string name)
    {
        Error = NcrDecodeResult.Fail(NcrDecodeErrorKind.MissingField, $"'{name}' is missing");
        return false;
    }

    private bool Fail(string name, string problem)
    {
        Error = NcrDecodeResult.Fail(NcrDecodeErrorKind.BadValue, $"'{name}' {problem}");
        return false;
    }
}
