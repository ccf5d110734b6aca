using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fos1.Ddns.Naming;

namespace Fos1.Ddns.Tests.Naming;

/// <summary>
/// Every line of Corpus/hostnames.txt through <see cref="HostNamer"/>: each hostile or odd client name is
/// cleaned to a safe name, replaced by the generated one, or refused, exactly as the line says.
/// </summary>
public sealed class HostileHostnameTests
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.10");

    internal static HostNamer Namer(string? generatedPrefix = HostNamingOptions.KeaGeneratedPrefix) =>
        new(new HostNamingOptions { QualifyingSuffix = DnsName.Parse("home.arpa"), GeneratedPrefix = generatedPrefix });

    [Fact]
    public void Every_corpus_name_gets_exactly_its_listed_decision()
    {
        var namer = Namer();
        var wrong = new StringBuilder();
        foreach (var entry in HostnameCorpus.Entries)
        {
            var decision = namer.Name(entry.Input, Address);
            var actual = (decision.Outcome.ToString(), decision.Fqdn?.Text ?? "");
            if (actual != (entry.Outcome, entry.Fqdn))
            {
                wrong.Append("line ").Append(entry.Line).Append(": ").Append(entry.Escaped)
                    .Append('\t').Append(actual.Item1).Append('\t').Append(actual.Item2)
                    .Append("   (").Append(decision.Reason).AppendLine(")");
            }
        }

        Assert.True(wrong.Length == 0, "decisions differ from the corpus (actual shown):\n" + wrong);
    }

    [Fact]
    public void The_corpus_covers_every_outcome_and_a_few_dozen_names()
    {
        var outcomes = HostnameCorpus.Entries.Select(e => e.Outcome).ToHashSet();

        Assert.True(HostnameCorpus.Entries.Count >= 60, $"{HostnameCorpus.Entries.Count} entries");
        Assert.Equal(Enum.GetNames<HostNameOutcome>().Order(), outcomes.Order());
    }

    [Fact]
    public void Every_chosen_name_is_lower_case_letters_digits_and_hyphens_within_the_length_limits()
    {
        var namer = Namer();
        var safe = new Regex("^[a-z0-9-]{1,63}$", RegexOptions.CultureInvariant);
        foreach (var entry in HostnameCorpus.Entries)
        {
            if (namer.Name(entry.Input, Address).Fqdn is not { } fqdn)
            {
                continue;
            }

            Assert.True(fqdn.Text.Length <= DnsName.MaxNameLength, $"line {entry.Line}: {fqdn.Text.Length} characters");
            Assert.All(fqdn.Labels, label => Assert.Matches(safe, label));
        }
    }

    [Fact]
    public void Without_a_generated_prefix_every_generated_name_becomes_a_refusal_and_nothing_else_changes()
    {
        var namer = Namer(generatedPrefix: null);
        foreach (var entry in HostnameCorpus.Entries)
        {
            var decision = namer.Name(entry.Input, Address);
            var expected = entry.Outcome == nameof(HostNameOutcome.Generated) ? (nameof(HostNameOutcome.Refused), "") : (entry.Outcome, entry.Fqdn);

            Assert.Equal(expected, (decision.Outcome.ToString(), decision.Fqdn?.Text ?? ""));
        }
    }
}
