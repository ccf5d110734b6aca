using Microsoft.Extensions.Options;

namespace Fos1.Kubernetes.Configuration;

/// <summary>
/// <see cref="KubernetesOptions"/>' attributes and <c>IValidatableObject.Validate</c>, generated at compile time
/// instead of <c>ValidateDataAnnotations</c>' reflection, so the native (AOT) build validates the same way.
/// </summary>
[OptionsValidator]
internal sealed partial class KubernetesOptionsAnnotations : IValidateOptions<KubernetesOptions>;
