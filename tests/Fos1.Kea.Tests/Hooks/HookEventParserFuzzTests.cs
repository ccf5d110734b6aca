using System.Text;
using CsCheck;
using Fos1.Kea.Hooks;
using Fos1.Kea.Tests.Ncr;

namespace Fos1.Kea.Tests.Hooks;

/// <summary>Property tests: any spool file is parsed into events or refused with a kind, never thrown.</summary>
public sealed class HookEventParserFuzzTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_915_200);

    private static readonly byte[][] Captured = Directory.GetFiles(HookFixtures.Directory(), "*.event").Order(StringComparer.Ordinal)
        .Select(File.ReadAllBytes).ToArray();

    private static readonly string[] Variables = Captured.SelectMany(HookFixtures.Entries).Select(e => e.Key).Distinct().ToArray();

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOf<string>("", "0", "1", "-1", "4294967296", "18446744073709551616", "192.0.2.10", "2001:db8::1", "::", "1a:1b", "zz:zz",
            "DHCPREQUEST", "DHCPDISCOVER", "REQUEST", "SOLICIT", "IA_PD", "IA_NA", "leases4_committed", "lease6_renew", "9999"),
        Gen.String[0, 40],
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>env -0 files of known variable names (and stray ones) with values of any shape.</summary>
    private static readonly Gen<byte[]> GeneratedFile =
        Gen.Select(Gen.OneOf(Gen.OneOf<string>(Variables), Gen.String[0, 10]), Value).Array[0, 40]
            .Select(pairs => Encoding.UTF8.GetBytes(string.Concat(pairs.Select(p => p.Item1 + "=" + p.Item2 + "\0"))));

    private static void ParsedOrRefused(byte[] file)
    {
        var result = HookEventParser.Parse(file, Now);

        Assert.True(result.IsSuccess ? result.Error is null : result.Events.Count == 0, result.ToString());
    }

    [Fact]
    public void The_captured_files_are_the_fuzzers_starting_points_and_all_parse() =>
        Assert.All(Captured, file => Assert.True(HookEventParser.Parse(file, Now).IsSuccess));

    [Fact]
    public void Random_files_are_refused_without_an_exception() =>
        Gen.Byte.Array[0, 2000].Sample(ParsedOrRefused, iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void Mutated_captured_files_are_parsed_or_refused() =>
        Mutation.OfAny(Captured).Sample(ParsedOrRefused, iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void Generated_environments_with_any_values_are_parsed_or_refused() =>
        GeneratedFile.Sample(ParsedOrRefused, iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void A_one_megabyte_file_is_refused_quickly()
    {
        var huge = Captured[0].Concat(Encoding.UTF8.GetBytes("PADDING=" + new string('x', 1 << 20) + "\0")).ToArray();
        var garbage = Enumerable.Repeat((byte)'=', 1 << 20).ToArray();

        Assert.All(new[] { huge, garbage }, file => ParsedOrRefused(file));
    }
}
