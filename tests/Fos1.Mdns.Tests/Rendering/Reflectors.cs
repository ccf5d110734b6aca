using Fos1.Crds.Dns;
using k8s.Models;

namespace Fos1.Mdns.Tests.Rendering;

/// <summary>MDNSReflector resources as the informer hands them over.</summary>
internal static class Reflectors
{
    public static readonly DateTime Monday = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    public static MdnsReflector Reflector(
        MdnsReflectorSpec spec, string name = "home", string ns = "network", DateTime? created = null, long generation = 1) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Generation = generation,
            CreationTimestamp = created ?? Monday,
        },
        Spec = spec,
    };
}
