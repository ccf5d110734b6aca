using System.Diagnostics.CodeAnalysis;

namespace Fos1.Kubernetes.Hosting;

/// <summary>
/// Whether this build carries the Kubernetes layer. On by default, in the JIT and the native (AOT) builds alike: the layer
/// is AOT-safe (KubernetesClient.Aot, our own watch reader and Lease election, source-generated JSON for the kinds). A
/// host can still leave it out of its native build (<c>RuntimeHostConfigurationOption Fos1.Kubernetes.IsSupported=false,
/// Trim=true</c>); with the switch off the compiler removes every branch guarded by it.
/// </summary>
public static class KubernetesFeature
{
    public const string SwitchName = "Fos1.Kubernetes.IsSupported";

    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var supported) || supported;
}
