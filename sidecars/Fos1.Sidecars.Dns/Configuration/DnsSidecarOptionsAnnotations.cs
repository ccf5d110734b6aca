using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Configuration;

/// <summary>
/// <see cref="DnsSidecarOptions"/>' [Required]/[Range] checks, generated at compile time instead of
/// <c>ValidateDataAnnotations</c>' reflection, so the native (AOT) build validates the same way.
/// </summary>
[OptionsValidator]
internal sealed partial class DnsSidecarOptionsAnnotations : IValidateOptions<DnsSidecarOptions>;
