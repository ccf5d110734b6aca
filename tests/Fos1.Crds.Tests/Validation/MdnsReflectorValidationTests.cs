using Fos1.Crds.Dns;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class MdnsReflectorValidationTests
{
    private static readonly MdnsReflectorSpec Valid = ResourceYaml.Read<MdnsReflector>(FullExamples.MdnsReflector).Spec!;

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(MdnsReflectorValidation.Validate(Valid));

    [Fact]
    public void A_reflector_needs_an_interface() =>
        Single(MdnsReflectorValidation.Validate(Valid with { Interfaces = [] }), "spec.interfaces");

    [Theory]
    [InlineData("eth*")]
    [InlineData("*")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("eth 0")]
    [InlineData("eth0:1")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Interface_names_are_exact_linux_names(string name) =>
        Single(MdnsReflectorValidation.Validate(Valid with { Interfaces = ["eth0", name] }), "spec.interfaces[1]");

    [Fact]
    public void Fifteen_characters_is_the_longest_interface_name() =>
        Assert.Empty(MdnsReflectorValidation.Validate(Valid with { Interfaces = ["abcdefghijklmno"] }));

    [Fact]
    public void A_repeated_interface_is_invalid() =>
        Single(MdnsReflectorValidation.Validate(Valid with { Interfaces = ["eth0", "eth0"] }), "spec.interfaces[1]");

    [Fact]
    public void At_least_one_ip_family_is_enabled() =>
        Single(MdnsReflectorValidation.Validate(Valid with { Ipv4 = false, Ipv6 = false }), "spec");

    [Fact]
    public void Reflecting_between_families_needs_both() =>
        Single(MdnsReflectorValidation.Validate(Valid with { Ipv6 = false, ReflectIpv = true }), "spec.reflectIpv");

    [Theory]
    [InlineData("_airplay._tcp.local,_ipp._tcp.local")]
    [InlineData("_ipp._tcp local")]
    [InlineData("")]
    public void Filters_are_single_service_types(string filter) =>
        Single(MdnsReflectorValidation.Validate(Valid with { Filters = [filter] }), "spec.filters[0]");
}
