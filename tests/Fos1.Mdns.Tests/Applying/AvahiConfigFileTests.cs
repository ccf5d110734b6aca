using Fos1.Mdns.Applying;

namespace Fos1.Mdns.Tests.Applying;

public sealed class AvahiConfigFileTests : IDisposable
{
    private const string Reflecting = "[reflector]\nenable-reflector=yes\n";
    private const string NotReflecting = "[reflector]\nenable-reflector=no\n";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fos1-mdns-file-");

    private string ConfigPath => Path.Combine(_directory.FullName, "avahi-daemon.conf");

    [Fact]
    public async Task The_first_rendering_is_written_and_avahi_is_restarted_to_read_it()
    {
        var restart = new CountingRestart(ConfigPath);
        var file = new AvahiConfigFile(ConfigPath, restart);

        var result = await file.ApplyAsync(Reflecting);

        Assert.Equal(AvahiApplyResult.Restarted, result);
        Assert.Equal(Reflecting, await File.ReadAllTextAsync(ConfigPath));
        Assert.Equal([Reflecting], restart.FileAtRestart);
    }

    [Fact]
    public async Task The_same_text_again_is_neither_written_nor_restarted()
    {
        var restart = new CountingRestart(ConfigPath);
        var file = new AvahiConfigFile(ConfigPath, restart);
        await file.ApplyAsync(Reflecting);
        var written = File.GetLastWriteTimeUtc(ConfigPath);
        var inode = new FileInfo(ConfigPath).CreationTimeUtc;

        var result = await file.ApplyAsync(Reflecting);

        Assert.Equal(AvahiApplyResult.Unchanged, result);
        Assert.Equal(1, restart.Count);
        Assert.Equal(written, File.GetLastWriteTimeUtc(ConfigPath));
        Assert.Equal(inode, new FileInfo(ConfigPath).CreationTimeUtc);
    }

    [Fact]
    public async Task A_file_that_already_holds_the_text_at_start_up_is_left_alone()
    {
        await File.WriteAllTextAsync(ConfigPath, Reflecting);
        var restart = new CountingRestart(ConfigPath);

        var result = await new AvahiConfigFile(ConfigPath, restart).ApplyAsync(Reflecting);

        Assert.Equal(AvahiApplyResult.Unchanged, result);
        Assert.Equal(0, restart.Count);
    }

    [Fact]
    public async Task A_changed_text_replaces_the_file_and_restarts_avahi_once_per_change()
    {
        var restart = new CountingRestart(ConfigPath);
        var file = new AvahiConfigFile(ConfigPath, restart);

        var results = new List<AvahiApplyResult>();
        foreach (var text in new[] { Reflecting, NotReflecting, NotReflecting, Reflecting })
        {
            results.Add(await file.ApplyAsync(text));
        }

        Assert.Equal([AvahiApplyResult.Restarted, AvahiApplyResult.Restarted, AvahiApplyResult.Unchanged, AvahiApplyResult.Restarted], results);
        Assert.Equal([Reflecting, NotReflecting, Reflecting], restart.FileAtRestart);
        Assert.Equal([ConfigPath], Directory.GetFiles(_directory.FullName));
    }

    [Fact]
    public async Task Without_a_running_avahi_the_file_is_written_for_the_next_start()
    {
        var restart = new CountingRestart(ConfigPath, AvahiRestartOutcome.NotRunning);

        var result = await new AvahiConfigFile(ConfigPath, restart).ApplyAsync(Reflecting);

        Assert.Equal(AvahiApplyResult.WrittenNotRunning, result);
        Assert.Equal(Reflecting, await File.ReadAllTextAsync(ConfigPath));
    }

    [Fact]
    public async Task The_file_is_replaced_by_a_rename_so_a_reader_holding_the_old_one_keeps_reading_it_whole()
    {
        var file = new AvahiConfigFile(ConfigPath, new CountingRestart(ConfigPath));
        await file.ApplyAsync(Reflecting);
        using var reader = new StreamReader(ConfigPath);

        await file.ApplyAsync(NotReflecting);

        Assert.Equal(Reflecting, await reader.ReadToEndAsync());
        Assert.Equal(NotReflecting, await File.ReadAllTextAsync(ConfigPath));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
