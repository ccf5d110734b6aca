using Fos1.Corefile.Templates;

namespace Fos1.Corefile.Tests;

public sealed class CorefileTemplateTests
{
    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Placeholders_inside_a_line_are_replaced_in_place() =>
        Assert.Equal("forward . 9.9.9.9 1.1.1.1",
            new CorefileTemplate("t", "forward . {{upstreams}}\n").Fill(Values(("upstreams", "9.9.9.9 1.1.1.1"))));

    [Fact]
    public void A_placeholder_alone_on_its_line_expands_to_lines_indented_like_it() =>
        Assert.Equal("a {\n    x {\n        y\n    }\n}",
            new CorefileTemplate("t", "a {\n    {{inner}}\n}").Fill(Values(("inner", "x {\n    y\n}"))));

    [Fact]
    public void A_placeholder_alone_on_its_line_that_expands_to_nothing_drops_the_line() =>
        Assert.Equal("a {\n    errors\n}",
            new CorefileTemplate("t", "a {\n    errors\n    {{log}}\n}").Fill(Values(("log", ""))));

    [Fact]
    public void Windows_line_ends_and_the_final_newline_do_not_change_the_output() =>
        Assert.Equal("a\nb", new CorefileTemplate("t", "a\r\n{{x}}\r\n").Fill(Values(("x", "b"))));

    [Fact]
    public void An_unknown_placeholder_is_an_error_naming_the_template_and_the_placeholder()
    {
        var error = Assert.Throws<CorefileTemplateException>(() =>
            new CorefileTemplate("zone-grpc.tmpl", "grpc . {{grpc_adress}}").Fill(Values(("grpc_address", "127.0.0.1:5300"))));
        Assert.Contains("zone-grpc.tmpl", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{grpc_adress}}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grpc . {{grpc_address")]
    [InlineData("grpc . {{Grpc}}")]
    [InlineData("grpc . {{}}")]
    [InlineData("grpc . grpc_address}}")]
    public void A_malformed_placeholder_is_an_error_when_the_template_is_read(string text) =>
        Assert.Throws<CorefileTemplateException>(() => new CorefileTemplate("t", text));

    [Fact]
    public void A_multi_line_value_inside_a_line_is_an_error() =>
        Assert.Throws<CorefileTemplateException>(() =>
            new CorefileTemplate("t", "forward . {{upstreams}}").Fill(Values(("upstreams", "a\nb"))));

    [Fact]
    public void The_built_in_templates_are_the_ones_in_the_repository_folder()
    {
        var folder = CorefileTemplates.FromDirectory(RepositoryFolder.CorefileTemplates);
        var builtIn = CorefileTemplates.BuiltIn;
        foreach (var (fromFolder, embedded) in new[]
                 {
                     (folder.Server, builtIn.Server), (folder.Process, builtIn.Process), (folder.Root, builtIn.Root),
                     (folder.ZoneGrpc, builtIn.ZoneGrpc), (folder.ZoneSecondary, builtIn.ZoneSecondary),
                     (folder.ZoneFile, builtIn.ZoneFile),
                 })
        {
            Assert.Equal(fromFolder.Name, embedded.Name);
            Assert.Equal(fromFolder.Placeholders, embedded.Placeholders);
        }
    }

    [Fact]
    public void A_template_directory_missing_a_file_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<CorefileTemplateException>(() => CorefileTemplates.FromDirectory(Path.GetTempPath()));
        Assert.Contains(".tmpl", error.Message, StringComparison.Ordinal);
    }
}
