using Fos1.Crds.Validation;

namespace Fos1.Crds.Dns;

/// <summary>Checks a DNSFilterList spec before the config sidecar hands it to AdGuard Home.</summary>
public static class FilterListValidation
{
    public static IReadOnlyList<ValidationError> Validate(DnsFilterListSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<ValidationError>();
        if (spec.DisplayName is not null && string.IsNullOrWhiteSpace(spec.DisplayName))
        {
            errors.Add(new("spec.displayName", "must not be blank (leave it out to use metadata.name)"));
        }

        if (spec.Urls.Count == 0 && spec.Rules.Count == 0)
        {
            errors.Add(new("spec", "at least one of urls / rules is required"));
        }

        for (var i = 0; i < spec.Urls.Count; i++)
        {
            if (!Uri.TryCreate(spec.Urls[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add(new($"spec.urls[{i}]", $"'{spec.Urls[i]}' is not an absolute http(s) URL"));
            }
        }

        for (var i = 0; i < spec.Rules.Count; i++)
        {
            var rule = spec.Rules[i] ?? "";

            // AdGuard reads rules one per line, so a line break would smuggle in a second rule.
            if (string.IsNullOrWhiteSpace(rule))
            {
                errors.Add(new($"spec.rules[{i}]", "must not be empty"));
            }
            else if (rule.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                errors.Add(new($"spec.rules[{i}]", "must be a single line (one rule per entry)"));
            }
        }

        return errors;
    }
}
