using System.Net;
using Fos1.Kubernetes.Configuration;
using Microsoft.Extensions.Options;

namespace Fos1.Sidecars.Kea.Configuration;

/// <summary>Fails start-up naming the key: an enabled family needs Kubernetes, a template and a control channel.</summary>
public sealed class KeaConfigOptionsValidator(IOptions<KubernetesOptions> kubernetes, IOptions<ReconciliationOptions> reconciliation)
    : IValidateOptions<KeaConfigOptions>
{
    public ValidateOptionsResult Validate(string? name, KeaConfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var family in new[] { 4, 6 })
        {
            var settings = options.For(family);
            var key = $"{KeaConfigOptions.SectionName}:Dhcp{family}";
            if (!settings.Enabled)
            {
                continue;
            }

            if (!kubernetes.Value.Enabled)
            {
                errors.Add($"{key}:Enabled needs Kubernetes:Enabled=true (the DHCPv{family}Service resources come from the API server)");
            }

            if (string.IsNullOrWhiteSpace(settings.Template) || !File.Exists(settings.Template))
            {
                errors.Add($"{key}:Template '{settings.Template}' does not exist (the kea-config/kea-dhcp{family}.conf template)");
            }

            var (socket, agent) = KeaControlChannelFactory.Resolve(family, settings, reconciliation.Value);
            if (string.IsNullOrEmpty(socket) && string.IsNullOrEmpty(agent))
            {
                errors.Add($"{key}:ControlSocket or {key}:ControlAgentUrl is required (or Fos1:Reconciliation's)");
            }

            if (!string.IsNullOrEmpty(agent) && !Uri.TryCreate(agent, UriKind.Absolute, out _))
            {
                errors.Add($"{key}:ControlAgentUrl '{agent}' is not an absolute URL");
            }
        }

        if (!string.IsNullOrEmpty(options.NcrServerAddress) && !IPAddress.TryParse(options.NcrServerAddress, out _))
        {
            errors.Add($"{KeaConfigOptions.SectionName}:NcrServerAddress '{options.NcrServerAddress}' is not an IP address");
        }

        if (!string.IsNullOrEmpty(options.HookScript) && !Path.IsPathFullyQualified(options.HookScript))
        {
            errors.Add($"{KeaConfigOptions.SectionName}:HookScript '{options.HookScript}' must be an absolute path (Kea gives the script no PATH)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
