namespace Fos1.Testbed;

/// <summary>The checkout the running test or tool was built from: the folder holding Fos1.Sidecars.sln.</summary>
public static class RepositoryRoot
{
    public static string? TryFind()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fos1.Sidecars.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string Find() =>
        TryFind() ?? throw new InvalidOperationException($"no Fos1.Sidecars.sln above {AppContext.BaseDirectory}");
}
