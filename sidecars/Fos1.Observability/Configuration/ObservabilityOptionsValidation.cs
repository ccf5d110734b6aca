using System.Net;
using Microsoft.Extensions.Options;

namespace Fos1.Observability.Configuration;

/// <summary>Fails start-up naming the key, so a mistyped endpoint stops the pod instead of leaving it unprobed.</summary>
public sealed class ObservabilityOptionsValidation : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.HttpEndpoint) && !TryParseEndpoint(options.HttpEndpoint, out _))
        {
            errors.Add($"{ObservabilityOptions.SectionName}:HttpEndpoint '{options.HttpEndpoint}' must be address:port (e.g. 0.0.0.0:9101), or empty to turn it off");
        }

        if (options.OutboxReadyLimit < 1)
        {
            errors.Add($"{ObservabilityOptions.SectionName}:OutboxReadyLimit {options.OutboxReadyLimit} must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>address:port with a port in 1..65535 (port 0 would hide where the probes must go).</summary>
    public static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        if (IPEndPoint.TryParse(text, out var parsed) && parsed.Port is > 0 and <= 65535 && text.Contains(':', StringComparison.Ordinal))
        {
            endpoint = parsed;
            return true;
        }

        endpoint = new IPEndPoint(IPAddress.None, 0);
        return false;
    }
}
