namespace Fos1.Corefile.Templates;

/// <summary>
/// The block templates of <c>corefile-templates/</c>: <c>server</c> frames every server block,
/// <c>process</c> holds the once-per-process plugins, <c>root</c> and <c>zone-*</c> are what a block serves.
/// </summary>
public sealed record CorefileTemplates(
    CorefileTemplate Server,
    CorefileTemplate Process,
    CorefileTemplate Root,
    CorefileTemplate ZoneGrpc,
    CorefileTemplate ZoneSecondary,
    CorefileTemplate ZoneFile)
{
    private static readonly string[] FileNames =
        ["server.tmpl", "process.tmpl", "root.tmpl", "zone-grpc.tmpl", "zone-secondary.tmpl", "zone-file.tmpl"];

    /// <summary>The repository's templates, compiled into this assembly.</summary>
    public static CorefileTemplates BuiltIn { get; } = Load(name =>
    {
        using var stream = typeof(CorefileTemplates).Assembly.GetManifestResourceStream("Fos1.Corefile.Templates." + name)
            ?? throw new CorefileTemplateException($"the built-in template '{name}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Templates from a directory (e.g. a mounted ConfigMap) with the same six file names.</summary>
    public static CorefileTemplates FromDirectory(string directory) => Load(name =>
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new CorefileTemplateException($"the template '{name}' is missing from '{directory}'");
    });

    private static CorefileTemplates Load(Func<string, string> read)
    {
        var t = FileNames.Select(name => new CorefileTemplate(name, read(name))).ToArray();
        return new CorefileTemplates(t[0], t[1], t[2], t[3], t[4], t[5]);
    }
}
