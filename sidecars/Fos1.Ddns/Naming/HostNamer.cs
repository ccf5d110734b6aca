using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Fos1.Ddns.Naming;

/// <summary>
/// Chooses the FQDN for a lease from the client's host name, the way Kea 2.2 does, plus what Kea lacks:
/// non-ASCII names become IDNA A-labels (punycode), length limits are enforced, an unusable name falls back
/// to a generated one, and denied names are refused. Deterministic: the same inputs always give the same
/// name, so a removal finds the name its add used.
/// </summary>
public sealed class HostNamer
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private readonly HostNamingOptions _options;
    private readonly Regex? _sanitizer;
    private readonly HashSet<string> _deniedLabels;
    private readonly HashSet<DnsName> _deniedNames;
    private readonly IdnMapping _idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <exception cref="ArgumentException">The character set is not a valid regular expression, or the prefix cannot start a host label.</exception>
    public HostNamer(HostNamingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (!string.IsNullOrEmpty(options.HostnameCharSet))
        {
            try
            {
                _sanitizer = new Regex(options.HostnameCharSet, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"hostname-char-set '{options.HostnameCharSet}' is not a valid regular expression: {e.Message}", nameof(options), e);
            }
        }

        if (options.GeneratedPrefix is { } prefix && !IsValidPrefix(prefix))
        {
            throw new ArgumentException(
                $"generated prefix '{prefix}' must be 1 to 20 letters, digits or hyphens so that PREFIX-ADDRESS is a valid label",
                nameof(options));
        }

        _deniedLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _deniedNames = [options.QualifyingSuffix];
        foreach (var entry in options.DeniedNames)
        {
            var trimmed = entry.Trim().TrimEnd('.');
            if (trimmed.Contains('.', StringComparison.Ordinal))
            {
                _deniedNames.Add(DnsName.Parse(trimmed));
            }
            else if (trimmed.Length > 0)
            {
                _deniedLabels.Add(trimmed);
            }
        }
    }

    public HostNamingOptions Options => _options;

    /// <summary>The name for a lease of <paramref name="address"/> whose client called itself <paramref name="clientName"/>.</summary>
    public HostNameDecision Name(string? clientName, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var candidate = clientName?.Trim() ?? "";
        if (candidate.Length == 0 || candidate == ".")
        {
            return Fallback(address, "the client sent no host name");
        }

        var absolute = candidate.EndsWith('.');
        if (absolute)
        {
            candidate = candidate[..^1];
        }

        if (!TryToAscii(candidate, out var ascii, out var problem))
        {
            return Fallback(address, problem);
        }

        ascii = Sanitize(ascii.ToLowerInvariant());
        if (!TryQualify(ascii, absolute, out var fqdn, out var qualified, out problem))
        {
            return Fallback(address, problem);
        }

        if (_deniedNames.Contains(fqdn) || (fqdn.Labels.Count > 0 && _deniedLabels.Contains(fqdn.Labels[0])))
        {
            return new HostNameDecision(null, HostNameOutcome.Refused, $"the name {fqdn} is on the deny list");
        }

        return new HostNameDecision(fqdn, qualified ? HostNameOutcome.Qualified : HostNameOutcome.Taken, null);
    }

    /// <summary>Kea's generated name: PREFIX-ADDRESS with '.' (v4) or ':' (v6) turned into '-', qualified.</summary>
    public DnsName? GeneratedName(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_options.GeneratedPrefix is not { } prefix)
        {
            return null;
        }

        var text = address.ToString().Replace(address.AddressFamily == AddressFamily.InterNetworkV6 ? ':' : '.', '-');
        var label = (prefix + "-" + text).ToLowerInvariant();
        return TryQualify(label, absolute: false, out var fqdn, out _, out _) ? fqdn : null;
    }

    private HostNameDecision Fallback(IPAddress address, string why) =>
        GeneratedName(address) is { } generated
            ? new HostNameDecision(generated, HostNameOutcome.Generated, why)
            : new HostNameDecision(null, HostNameOutcome.Refused, why);

    private bool TryToAscii(string name, out string ascii, out string problem)
    {
        problem = "";
        if (name.All(char.IsAscii))
        {
            ascii = name;
            return true;
        }

        // With invariant globalization IdnMapping only encodes punycode (no UTS 46 mapping, and Normalize is a
        // no-op): fold fullwidth ASCII ourselves so that "ＷＰＡＤ" is "wpad" (and denied), not a fresh A-label,
        // and drop invisible characters (ZWSP, bidi overrides) that would hide a name's real text.
        name = new string(name.Where(c => !IsInvisible(c)).Select(FoldFullwidth).ToArray());
        if (name.All(char.IsAscii))
        {
            ascii = name;
            return true;
        }

        try
        {
            ascii = _idn.GetAscii(name);
            return true;
        }
        catch (ArgumentException e)
        {
            ascii = "";
            problem = $"the host name '{name}' has no IDNA form: {e.Message}";
            return false;
        }
    }

    private string Sanitize(string name)
    {
        if (_sanitizer is null)
        {
            return name;
        }

        try
        {
            return _sanitizer.Replace(name, _options.HostnameCharReplacement);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern must not stall lease processing: treat the name as unusable.
            return "";
        }
    }

    private bool TryQualify(string name, bool absolute, out DnsName fqdn, out bool qualified, out string problem)
    {
        fqdn = DnsName.Root;
        qualified = false;
        if (name.Length == 0)
        {
            problem = "nothing is left of the host name after removing disallowed characters";
            return false;
        }

        var labels = name.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                problem = $"the host name '{name}' has an empty label";
                return false;
            }

            if (label.Length > DnsName.MaxLabelLength)
            {
                problem = $"the label '{label[..20]}...' is {label.Length} characters long, more than {DnsName.MaxLabelLength}";
                return false;
            }

            // RFC 952/1123 host labels: a leading hyphen reads as an option to the tools a name is pasted into.
            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                problem = $"the label '{label}' starts or ends with a hyphen";
                return false;
            }

            if (label.StartsWith("xn--", StringComparison.Ordinal) && !IsValidALabel(label))
            {
                problem = $"the label '{label}' claims to be an IDNA A-label but does not decode";
                return false;
            }
        }

        if (!DnsName.TryParse(name, out var parsed, out var error))
        {
            problem = error;
            return false;
        }

        var suffix = _options.QualifyingSuffix;
        var qualify = !absolute && suffix != DnsName.Root
            && (labels.Length == 1 || (_options.QualifyMultiLabelNames && !parsed.IsAtOrBelow(suffix)));
        if (!qualify)
        {
            fqdn = parsed;
            problem = "";
            return true;
        }

        if (!DnsName.TryParse(name + "." + suffix.Text, out var full, out error))
        {
            problem = $"the host name '{name}' qualified with {suffix} is too long: {error}";
            return false;
        }

        fqdn = full;
        qualified = true;
        problem = "";
        return true;
    }

    private bool IsValidALabel(string label)
    {
        try
        {
            return _idn.GetUnicode(label).Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static char FoldFullwidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsValidPrefix(string prefix) =>
        prefix.Length is > 0 and <= 20 && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
