using Cel;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// The Kubernetes CEL functions our rules use (k8s.io/apiserver/pkg/cel/library ip.go, cidr.go and
/// cel-go's strings extension), registered into the Cel package, which ships only standard CEL.
/// Cel 0.3.3 cannot apply <c>==</c> to registered types, so our rules compare <c>string(ip)</c>
/// values instead of <c>cidr == cidr</c>; both forms mean the same to the API server.
/// </summary>
internal static class KubernetesCelLibrary
{
    /// <summary>Every function a rule may call: standard CEL plus what this library registers.</summary>
    public static IReadOnlySet<string> FunctionNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "has", "size", "all", "exists", "matches", "int", "string",
        "ip", "isIP", "family", "cidr", "isCIDR", "containsIP", "containsCIDR", "masked", "prefixLength", "split",
    };

    public static CelEnvironment CreateEnvironment()
    {
        var env = new CelEnvironment(null!, "");
        env.RegisterFunction("isIP", [typeof(string)], a => KubernetesIp.TryParse((string)a[0]!, out _));
        env.RegisterFunction("ip", [typeof(string)], a => KubernetesIp.Parse((string)a[0]!));
        env.RegisterFunction("family", [typeof(KubernetesIp)], a => ((KubernetesIp)a[0]!).Family);
        env.RegisterFunction("isCIDR", [typeof(string)], a => KubernetesCidr.TryParse((string)a[0]!, out _));
        env.RegisterFunction("cidr", [typeof(string)], a => KubernetesCidr.Parse((string)a[0]!));
        env.RegisterFunction("ip", [typeof(KubernetesCidr)], a => ((KubernetesCidr)a[0]!).Ip);
        env.RegisterFunction("masked", [typeof(KubernetesCidr)], a => ((KubernetesCidr)a[0]!).Masked());
        env.RegisterFunction("prefixLength", [typeof(KubernetesCidr)], a => ((KubernetesCidr)a[0]!).PrefixLength);
        env.RegisterFunction("containsIP", [typeof(KubernetesCidr), typeof(string)],
            a => ((KubernetesCidr)a[0]!).ContainsIp(KubernetesIp.Parse((string)a[1]!)));
        env.RegisterFunction("containsIP", [typeof(KubernetesCidr), typeof(KubernetesIp)],
            a => ((KubernetesCidr)a[0]!).ContainsIp((KubernetesIp)a[1]!));
        env.RegisterFunction("containsCIDR", [typeof(KubernetesCidr), typeof(string)],
            a => ((KubernetesCidr)a[0]!).ContainsCidr(KubernetesCidr.Parse((string)a[1]!)));
        env.RegisterFunction("containsCIDR", [typeof(KubernetesCidr), typeof(KubernetesCidr)],
            a => ((KubernetesCidr)a[0]!).ContainsCidr((KubernetesCidr)a[1]!));
        env.RegisterFunction("string", [typeof(KubernetesIp)], a => a[0]!.ToString());
        env.RegisterFunction("string", [typeof(KubernetesCidr)], a => a[0]!.ToString());
        env.RegisterFunction("split", [typeof(string), typeof(string)],
            a => ((string)a[0]!).Split((string)a[1]!).Cast<object?>().ToArray());
        return env;
    }
}
