using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// YAML to JSON the way the Kubernetes YAML reader (go-yaml, YAML 1.1 scalars) types plain scalars.
/// A plain scalar that YAML 1.1 would read as a base-60 number (an unquoted MAC of digits,
/// "08:00") is refused: kubectl would send an integer where the author meant a string.
/// </summary>
internal static partial class YamlTree
{
    public static IReadOnlyList<JsonNode> ParseFile(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .OfType<JsonNode>()
            .ToList();
    }

    public static JsonNode ParseSingle(string yaml) => Parse(yaml) switch
    {
        [var single] => single,
        var many => throw new InvalidOperationException($"expected one YAML document, found {many.Count}"),
    };

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unsupported YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (Sexagesimal().IsMatch(text))
        {
            throw new InvalidOperationException(
                $"plain scalar '{text}' at {scalar.Start} is a base-60 number in YAML 1.1 (Kubernetes' YAML reader): quote it");
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$")]
    private static partial Regex Sexagesimal();
}
