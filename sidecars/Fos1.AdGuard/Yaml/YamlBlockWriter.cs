using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Fos1.AdGuard.Yaml;

/// <summary>
/// A thin layer over YamlDotNet's emitter: block style, indented sequences, empty collections as [] / {}, and
/// strings that would read back as another type (true, 24, null, 1.5) quoted so AdGuard's yaml.v3 sees a string.
/// </summary>
internal sealed partial class YamlBlockWriter(IEmitter emitter)
{
    public void BeginMap() => emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));

    public void EndMap() => emitter.Emit(new MappingEnd());

    public void Key(string key) => String(key);

    public void Map(string key, Action body)
    {
        Key(key);
        BeginMap();
        body();
        EndMap();
    }

    public void String(string key, string value)
    {
        Key(key);
        String(value);
    }

    public void Bool(string key, bool value) => Plain(key, value ? "true" : "false");

    public void Number(string key, long value) => Plain(key, value.ToString(CultureInfo.InvariantCulture));

    public void Strings(string key, IEnumerable<string> values)
    {
        Key(key);
        var list = values.ToList();
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
        list.ForEach(String);
        emitter.Emit(new SequenceEnd());
    }

    public void Sequence<T>(string key, IReadOnlyList<T> items, Action<T> item)
    {
        Key(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var value in items)
        {
            BeginMap();
            item(value);
            EndMap();
        }

        emitter.Emit(new SequenceEnd());
    }

    private void Plain(string key, string value)
    {
        Key(key);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
    }

    private void String(string value)
    {
        var ambiguous = value.Length == 0 || NonString().IsMatch(value);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
    }

    // YAML 1.1 and 1.2 core-schema spellings of null, booleans and numbers (yaml.v3 still reads yes/no/on/off as bools in some places).
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NonString();
}
