using Fos1.Crds.Dns;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class FilterListValidationTests
{
    private static readonly DnsFilterListSpec Valid = ResourceYaml.Read<DnsFilterList>(FullExamples.DnsFilterList).Spec!;

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(FilterListValidation.Validate(Valid));

    [Fact]
    public void Rules_alone_or_urls_alone_are_enough()
    {
        Assert.Empty(FilterListValidation.Validate(Valid with { Urls = [] }));
        Assert.Empty(FilterListValidation.Validate(Valid with { Rules = [] }));
    }

    [Fact]
    public void A_list_without_urls_and_rules_is_invalid() =>
        Single(FilterListValidation.Validate(Valid with { Urls = [], Rules = [] }), "spec");

    [Theory]
    [InlineData("ftp://lists.example/ads.txt")]
    [InlineData("lists.example/ads.txt")]
    [InlineData("")]
    public void Urls_must_be_absolute_http_urls(string url) =>
        Single(FilterListValidation.Validate(Valid with { Urls = [url] }), "spec.urls[0]");

    [Theory]
    [InlineData("")]
    [InlineData("||a.example^\n||b.example^")]
    public void Each_rule_is_one_non_empty_line(string rule) =>
        Single(FilterListValidation.Validate(Valid with { Rules = ["||ok.example^", rule] }), "spec.rules[1]");

    [Fact]
    public void A_blank_display_name_is_invalid() =>
        Single(FilterListValidation.Validate(Valid with { DisplayName = " " }), "spec.displayName");
}
