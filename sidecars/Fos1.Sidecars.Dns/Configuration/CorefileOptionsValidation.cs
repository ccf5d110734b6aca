using Fos1.Corefile;
using Fos1.Corefile.Templates;
using Fos1.Corefile.Validation;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Dns.Configuration;

/// <summary>
/// Fails start-up (exit code 2) when the Corefile could not be rendered: every spec problem is named
/// by the configuration key behind it, and the templates are tried once, so a broken ConfigMap stops
/// the pod instead of CoreDNS keeping a stale Corefile.
/// </summary>
public sealed class CorefileOptionsValidation(IOptions<DnsSidecarOptions> sidecar) : IValidateOptions<CorefileOptions>
{
    public ValidateOptionsResult Validate(string? name, CorefileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var served = sidecar.Value;
        var spec = options.ToSpec(served);
        var errors = CorefileSpecValidator.Validate(spec);
        if (errors.Count > 0)
        {
            return ValidateOptionsResult.Fail(errors.Select(e => options.Describe(e, served)));
        }

        try
        {
            _ = new CorefileRenderer(options.LoadTemplates()).Render(spec);
            return ValidateOptionsResult.Success;
        }
        catch (CorefileTemplateException e)
        {
            return ValidateOptionsResult.Fail($"{CorefileOptions.SectionName}:{nameof(CorefileOptions.TemplatesDirectory)}: {e.Message}");
        }
    }
}
