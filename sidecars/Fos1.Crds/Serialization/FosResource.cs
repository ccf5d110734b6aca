using Fos1.Kubernetes.Resources;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Fos1.Crds.Serialization;

/// <summary>
/// The base of every Fos1 kind: a <see cref="CustomResource{TSpec, TStatus}"/> that KubernetesYaml reads and
/// writes through KubernetesJson, so YAML and JSON agree on names, defaults, enums and read-only lists.
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
        var read = KubernetesJson.Deserialize<TSelf>(YamlJsonBridge.ReadNodeAsJson(parser));
        ApiVersion = read.ApiVersion;
        Kind = read.Kind;
        Metadata = read.Metadata ?? new();
        Spec = read.Spec;
        Status = read.Status;
    }

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        YamlJsonBridge.WriteJsonAsNode(emitter, KubernetesJson.Serialize(this));
}
