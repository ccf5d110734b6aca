using Fos1.Dns.Sending.Batching;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Configuration;

// The options classes' [Range]/[Required] checks, generated at compile time instead of ValidateDataAnnotations'
// reflection, so the same start-up validation runs in the native (AOT) build.

[OptionsValidator]
internal sealed partial class SidecarOptionsAnnotations : IValidateOptions<SidecarOptions>;

[OptionsValidator]
internal sealed partial class HookSpoolSourceOptionsAnnotations : IValidateOptions<HookSpoolSourceOptions>;

[OptionsValidator]
internal sealed partial class ReconciliationOptionsAnnotations : IValidateOptions<ReconciliationOptions>;

[OptionsValidator]
internal sealed partial class BatchingOptionsAnnotations : IValidateOptions<BatchingOptions>;

[OptionsValidator]
internal sealed partial class NamingOptionsAnnotations : IValidateOptions<NamingOptions>;

[OptionsValidator]
internal sealed partial class KeaConfigOptionsAnnotations : IValidateOptions<KeaConfigOptions>;
