using CsCheck;
using Fos1.Kea.Memfile;
using Fos1.Kea.Tests.Ncr;

namespace Fos1.Kea.Tests.Memfile;

/// <summary>Property tests: any line of a lease file is a row or an error, never an exception.</summary>
public sealed class MemfileRowParserFuzzTests
{
    private static readonly string[] Rows4 =
    [
        "192.0.2.101,1a:1b:1c:1d:1e:1f,01:02:03,3600,1795918504,1,1,1,a&#x2cb.home.arpa,0,",
        "192.0.2.102,1a:1b:1c:1d:1e:20,,0,1795914904,1,0,0,,0,",
    ];

    private static readonly string[] Rows6 =
    [
        "2001:db8:1:2::,00:01:02:03:04:06,7200,1795922111,1,7200,2,7,64,0,0,,,0,,,",
        "2001:db8:1::102,00:01:02:03:04:07,7200,1795922111,1,7200,0,8,128,0,0,,aa:bb:cc:dd:ee:ff,1,{ \"a\": \"x&#x2cy\" },1,0",
    ];

    private static readonly MemfileHeader Header4 = Header(MemfileRowParserTests.Header4);
    private static readonly MemfileHeader Header6 = Header(MemfileRowParserTests.Header6);

    private static MemfileHeader Header(string line) =>
        MemfileHeader.TryParse(line, out var header, out var error) ? header : throw new FormatException(error);

    private static void RowOrError(MemfileHeader header, string line)
    {
        var parsed = MemfileRowParser.TryParse(header, line, out var row, out var error);

        Assert.True(parsed ? row is not null && error is null : row is null && !string.IsNullOrEmpty(error));
    }

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.OneOf<string>("", "0", "1", "2", "-1", "4294967296", "99999999999999999999", "192.0.2.1", "::", "zz", "1a:1b", "&#x2c", "&#x", "{", "\""),
        Gen.String[0, 20]);

    [Fact]
    public void Mutated_v4_and_v6_rows_are_rows_or_errors()
    {
        Gen.Int[0, Rows4.Length - 1].SelectMany(i => Mutation.OfText(Rows4[i])).Sample(l => RowOrError(Header4, l), iter: NcrDecodeFuzzTests.Iterations);
        Gen.Int[0, Rows6.Length - 1].SelectMany(i => Mutation.OfText(Rows6[i])).Sample(l => RowOrError(Header6, l), iter: NcrDecodeFuzzTests.Iterations);
    }

    [Fact]
    public void Generated_rows_of_any_cells_and_width_are_rows_or_errors() =>
        Gen.Select(Gen.Bool, Cell.Array[0, 24]).Sample(
            t => RowOrError(t.Item1 ? Header4 : Header6, string.Join(",", t.Item2)), iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void Mutated_headers_are_headers_or_errors() =>
        Mutation.OfText(MemfileRowParserTests.Header6).Sample(
            line => Assert.True(MemfileHeader.TryParse(line, out var h, out var e) ? h is not null : e is not null), iter: NcrDecodeFuzzTests.Iterations);

    [Fact]
    public void A_one_megabyte_line_is_an_error() =>
        RowOrError(Header4, "192.0.2.1," + new string(',', 1 << 20));

    [Fact]
    public void Regression_an_expire_beyond_year_9999_is_an_error_not_an_exception()
    {
        // Found by the mutation fuzzer: DateTimeOffset.FromUnixTimeSeconds threw ArgumentOutOfRangeException.
        var parsed = MemfileRowParser.TryParse(Header4, "192.0.2.101,1a:1b:1c:1d:1e:1f,01:02:03,3600,17959185041400,1,1,1,a&#x2cb.home.arpa,0,", out _, out var error);

        Assert.Equal((false, "lease 192.0.2.101: expire 17959185041400 is beyond any representable time"), (parsed, error));
    }
}
