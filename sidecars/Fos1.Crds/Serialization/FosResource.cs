using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Configuration;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Fos1.Crds.Serialization;

/// <summary>
/// The base of every Fos1 kind: a <see cref="CustomResource{TSpec, TStatus}"/> that YamlDotNet reads and
/// writes through <see cref="KubernetesSerialization"/>, so YAML and JSON agree on names, defaults, enums and read-only lists.
/// </summary>
public abstract class FosResource<TSelf, TSpec, TStatus> : CustomResource<TSpec, TStatus>, IYamlConvertible
    where TSelf : FosResource<TSelf, TSpec, TStatus>
    where TSpec : class
    where TStatus : ResourceStatus
{
    protected FosResource(ResourceKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ApiVersion = kind.ApiVersion;
        Kind = kind.Kind;
    }

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        var read = KubernetesSerialization.Deserialize<TSelf>(YamlJsonBridge.ReadNodeAsJson(parser))
            ?? throw new YamlException($"A null document is not a {typeof(TSelf).Name}.");
        ApiVersion = read.ApiVersion;
        Kind = read.Kind;
        Metadata = read.Metadata ?? new();
        Spec = read.Spec;
        Status = read.Status;
    }

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        YamlJsonBridge.WriteJsonAsNode(emitter, KubernetesSerialization.Serialize(this));
}
