using System.Net;
using Fos1.Ddns.Naming;

namespace Fos1.Ddns.Tests.Naming;

public sealed class HostNamerTests
{
    private static readonly IPAddress V4 = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress V6 = IPAddress.Parse("2001:db8:1::100");

    private static HostNamer Namer(Func<HostNamingOptions, HostNamingOptions>? change = null)
    {
        var options = new HostNamingOptions { QualifyingSuffix = DnsName.Parse("home.arpa") };
        return new HostNamer(change is null ? options : change(options));
    }

    private static (string? Fqdn, HostNameOutcome Outcome) Name(string? clientName, HostNamer? namer = null, IPAddress? address = null)
    {
        var decision = (namer ?? Namer()).Name(clientName, address ?? V4);
        return (decision.Fqdn?.Text, decision.Outcome);
    }

    [Theory]
    [InlineData("laptop", "laptop.home.arpa")]
    [InlineData("Laptop_One", "laptopone.home.arpa")]
    [InlineData("  MY-PC ", "my-pc.home.arpa")]
    [InlineData("jane's iphone", "janesiphone.home.arpa")]
    public void A_single_label_name_is_cleaned_lower_cased_and_qualified_like_Kea(string clientName, string expected)
    {
        Assert.Equal((expected, HostNameOutcome.Qualified), Name(clientName));
    }

    [Theory]
    [InlineData("laptop.example.com", "laptop.example.com")]
    [InlineData("Laptop.Home.Arpa", "laptop.home.arpa")]
    [InlineData("printer.", "printer")]
    [InlineData("printer.home.arpa.", "printer.home.arpa")]
    public void A_name_with_several_labels_or_a_trailing_dot_is_taken_as_fully_qualified_like_Kea(string clientName, string expected)
    {
        Assert.Equal((expected, HostNameOutcome.Taken), Name(clientName));
    }

    [Fact]
    public void With_multi_label_qualification_a_name_outside_the_suffix_gets_it_and_one_inside_keeps_its_form()
    {
        var namer = Namer(o => o with { QualifyMultiLabelNames = true });

        Assert.Equal(("laptop.kids.home.arpa", HostNameOutcome.Qualified), Name("laptop.kids", namer));
        Assert.Equal(("laptop.home.arpa", HostNameOutcome.Taken), Name("laptop.home.arpa", namer));
        Assert.Equal(("laptop.kids", HostNameOutcome.Taken), Name("laptop.kids.", namer));
    }

    [Fact]
    public void The_replacement_is_configurable_like_hostname_char_replacement()
    {
        var namer = Namer(o => o with { HostnameCharReplacement = "x" });

        Assert.Equal(("laptopxone.home.arpa", HostNameOutcome.Qualified), Name("Laptop_One", namer));
    }

    [Fact]
    public void An_empty_char_set_disables_sanitizing_like_Kea_but_names_DNS_cannot_carry_still_fall_back()
    {
        var namer = Namer(o => o with { HostnameCharSet = "" });

        Assert.Equal(("laptop_one.home.arpa", HostNameOutcome.Qualified), Name("Laptop_One", namer));
        Assert.Equal(("myhost-192-0-2-10.home.arpa", HostNameOutcome.Generated), Name("two words", namer));
    }

    [Theory]
    [InlineData("Bücher", "xn--bcher-kva.home.arpa")]
    [InlineData("café.home.arpa", "xn--caf-dma.home.arpa")]
    [InlineData("日本", "xn--wgv71a.home.arpa")]
    public void A_non_ASCII_name_becomes_its_IDNA_A_label(string clientName, string expected)
    {
        Assert.Equal(expected, Name(clientName).Fqdn);
    }

    [Theory]
    [InlineData(null, "the client sent no host name")]
    [InlineData("", "the client sent no host name")]
    [InlineData("___", "nothing is left of the host name after removing disallowed characters")]
    [InlineData("a..b", "the host name 'a..b' has an empty label")]
    public void A_missing_or_unusable_name_gets_Kea_style_generated_name_with_the_reason(string? clientName, string reason)
    {
        var decision = Namer().Name(clientName, V4);

        Assert.Equal(new HostNameDecision(DnsName.Parse("myhost-192-0-2-10.home.arpa"), HostNameOutcome.Generated, reason), decision);
    }

    [Fact]
    public void A_v6_generated_name_replaces_colons_like_Kea()
    {
        Assert.Equal(("myhost-2001-db8-1--100.home.arpa", HostNameOutcome.Generated), Name(null, address: V6));
    }

    [Fact]
    public void A_label_longer_than_63_characters_is_not_truncated_but_replaced()
    {
        var decision = Namer().Name(new string('a', 64), V4);

        Assert.Equal(HostNameOutcome.Generated, decision.Outcome);
        Assert.Contains("64 characters long, more than 63", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(("a".PadRight(63, 'a') + ".home.arpa", HostNameOutcome.Qualified), Name(new string('a', 63)));
    }

    [Fact]
    public void A_name_longer_than_253_characters_once_qualified_is_replaced()
    {
        var label = new string('b', 61);
        var longName = string.Join('.', label, label, label, label);

        var decision = Namer(o => o with { QualifyMultiLabelNames = true }).Name(longName, V4);

        Assert.Equal(HostNameOutcome.Generated, decision.Outcome);
        Assert.Contains("too long", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_generated_prefix_an_unusable_name_is_refused()
    {
        var decision = Namer(o => o with { GeneratedPrefix = null }).Name("___", V4);

        Assert.Equal(new HostNameDecision(null, HostNameOutcome.Refused, "nothing is left of the host name after removing disallowed characters"), decision);
    }

    [Theory]
    [InlineData("wpad")]
    [InlineData("WPAD")]
    [InlineData("localhost")]
    [InlineData("isatap")]
    [InlineData("ns")]
    [InlineData("ns.home.arpa")]
    [InlineData("home.arpa")]
    [InlineData("home.arpa.")]
    public void Denied_names_and_the_zone_apex_are_refused_with_a_reason(string clientName)
    {
        var decision = Namer().Name(clientName, V4);

        Assert.Null(decision.Fqdn);
        Assert.Equal(HostNameOutcome.Refused, decision.Outcome);
        Assert.EndsWith("is on the deny list", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_is_refused_even_when_sanitizing_is_off()
    {
        Assert.Equal((null, HostNameOutcome.Refused), Name("*", Namer(o => o with { HostnameCharSet = null })));
    }

    [Fact]
    public void The_deny_list_takes_whole_names_and_replaces_the_defaults()
    {
        var namer = Namer(o => o with { DeniedNames = ["router.home.arpa", "gateway"] });

        Assert.Equal((null, HostNameOutcome.Refused), Name("router", namer));
        Assert.Equal((null, HostNameOutcome.Refused), Name("gateway.example", namer));
        Assert.Equal(("wpad.home.arpa", HostNameOutcome.Qualified), Name("wpad", namer));
        Assert.Equal((null, HostNameOutcome.Refused), Name("home.arpa", namer));
    }

    [Fact]
    public void With_the_root_as_suffix_single_label_names_stay_unqualified()
    {
        var namer = new HostNamer(new HostNamingOptions { QualifyingSuffix = DnsName.Root });

        Assert.Equal(("laptop", HostNameOutcome.Taken), Name("laptop", namer));
    }

    [Fact]
    public void Bad_options_fail_at_construction_with_a_message_naming_the_setting()
    {
        var badRegex = Assert.Throws<ArgumentException>(() => Namer(o => o with { HostnameCharSet = "[" }));
        var badPrefix = Assert.Throws<ArgumentException>(() => Namer(o => o with { GeneratedPrefix = "my host" }));

        Assert.StartsWith("hostname-char-set '['", badRegex.Message, StringComparison.Ordinal);
        Assert.StartsWith("generated prefix 'my host'", badPrefix.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_always_gives_the_same_name_so_a_removal_finds_its_add()
    {
        Assert.Equal(Namer().Name("Bücher_PC", V4), Namer().Name("Bücher_PC", V4));
    }
}
