using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Resources;

namespace Fos1.Crds.Serialization;

/// <summary>
/// Compile-time JSON metadata for every Fos1 kind, its list and its status, so the layer (de)serializes them without
/// reflection in the native build. It takes names, converters and null handling from the layer's shared options
/// (<see cref="KubernetesSerialization.Options"/>) at run time, so it writes exactly what reflection writes (tests/Fos1.Crds.Tests prove it per kind). Defaulted
/// properties of the kinds are <c>set</c>, not <c>init</c>: generated metadata fills init-only properties through an object
/// initializer, and a field missing from the JSON would get default(T) instead of the property's default.
/// </summary>
[JsonSerializable(typeof(DnsZone))]
[JsonSerializable(typeof(CustomResourceList<DnsZone>))]
[JsonSerializable(typeof(PtrZone))]
[JsonSerializable(typeof(CustomResourceList<PtrZone>))]
[JsonSerializable(typeof(DnsFilterList))]
[JsonSerializable(typeof(CustomResourceList<DnsFilterList>))]
[JsonSerializable(typeof(DnsClient))]
[JsonSerializable(typeof(CustomResourceList<DnsClient>))]
[JsonSerializable(typeof(MdnsReflector))]
[JsonSerializable(typeof(CustomResourceList<MdnsReflector>))]
[JsonSerializable(typeof(DhcpV4Service))]
[JsonSerializable(typeof(CustomResourceList<DhcpV4Service>))]
[JsonSerializable(typeof(DhcpV6Service))]
[JsonSerializable(typeof(CustomResourceList<DhcpV6Service>))]
[JsonSerializable(typeof(ResourceStatus))]
[JsonSerializable(typeof(ZoneStatus))]
[JsonSerializable(typeof(DhcpServiceStatus))]
public sealed partial class CrdJson : JsonSerializerContext
{
    /// <summary>Includes the kinds in the layer's shared options before anything can use them (see <see cref="KubernetesSerialization"/>).</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Loading the assembly that defines the kinds is the one moment guaranteed to come before any of them is (de)serialized.")]
    internal static void Include() => KubernetesSerialization.Include(Default);
}
