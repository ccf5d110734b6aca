using System.Text.Json;
using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Kubernetes.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Fos1.Crds.Serialization;

/// <summary>
/// Fos1 kinds to and from YAML (manifests, examples) without reflection: YAML is moved to JSON node by node and read
/// with <see cref="KubernetesSerialization"/>, so YAML and JSON agree on names, defaults, enums and read-only lists.
/// </summary>
public static class ResourceYaml
{
    // Generic calls per kind: the generated metadata answers a type known at compile time only (no reflection).
    private static readonly Dictionary<string, Func<string, object>> Readers = new(StringComparer.Ordinal)
    {
        [Key(DnsKinds.Zone)] = json => FromJson<DnsZone>(json),
        [Key(DnsKinds.PtrZone)] = json => FromJson<PtrZone>(json),
        [Key(DnsKinds.FilterList)] = json => FromJson<DnsFilterList>(json),
        [Key(DnsKinds.Client)] = json => FromJson<DnsClient>(json),
        [Key(DnsKinds.MdnsReflector)] = json => FromJson<MdnsReflector>(json),
        [Key(DhcpKinds.V4Service)] = json => FromJson<DhcpV4Service>(json),
        [Key(DhcpKinds.V6Service)] = json => FromJson<DhcpV6Service>(json),
    };

    /// <summary>The one YAML document in <paramref name="yaml"/> as a <typeparamref name="T"/>.</summary>
    public static T Read<T>(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        var json = YamlJsonBridge.ReadNodeAsJson(parser);
        parser.Consume<DocumentEnd>();
        return KubernetesSerialization.Deserialize<T>(json)
            ?? throw new FormatException($"The YAML document is empty, not a {typeof(T).Name}.");
    }

    /// <summary>
    /// Every document of a multi-document manifest, each read as the Fos1 kind its apiVersion and kind name; empty
    /// documents are skipped, any other kind throws <see cref="FormatException"/> naming it.
    /// </summary>
    public static IReadOnlyList<object> ReadAll(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var resources = new List<object>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var json = YamlJsonBridge.ReadNodeAsJson(parser);
            parser.Consume<DocumentEnd>();
            if (KindOf(json) is { } kind)
            {
                resources.Add(ReadKind(kind, json));
            }
        }

        return resources;
    }

    /// <summary>The resource as one YAML document (through its JSON form).</summary>
    public static string Write(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var text = new StringWriter();
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        YamlJsonBridge.WriteJsonAsNode(emitter, KubernetesSerialization.Serialize(resource));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static string? KindOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var apiVersion = root.TryGetProperty("apiVersion", out var version) ? version.GetString() : null;
        var kind = root.TryGetProperty("kind", out var name) ? name.GetString() : null;
        return $"{apiVersion}/{kind}";
    }

    private static object ReadKind(string kind, string json) =>
        Readers.TryGetValue(kind, out var read) ? read(json) : throw new FormatException($"A manifest document is a {kind}, which is not a Fos1 kind.");

    private static string Key(Fos1.Kubernetes.Resources.ResourceKind kind) => $"{kind.ApiVersion}/{kind.Kind}";

    private static T FromJson<T>(string json) =>
        KubernetesSerialization.Deserialize<T>(json) ?? throw new FormatException($"The YAML document is empty, not a {typeof(T).Name}.");
}
