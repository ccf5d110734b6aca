using System.Diagnostics.CodeAnalysis;

namespace Fos1.Kubernetes.Hosting;

/// <summary>
/// Whether this build carries the Kubernetes layer. Always on in the JIT build; the native (AOT) build turns it off
/// (<c>RuntimeHostConfigurationOption Fos1.Kubernetes.IsSupported=false, Trim=true</c> in the hosts), because
/// KubernetesClient serializes its models and watch events through reflection and is not AOT-safe. With the switch
/// off the compiler removes every branch guarded by it, so none of KubernetesClient is compiled in.
/// </summary>
public static class KubernetesFeature
{
    public const string SwitchName = "Fos1.Kubernetes.IsSupported";

    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var supported) || supported;
}
