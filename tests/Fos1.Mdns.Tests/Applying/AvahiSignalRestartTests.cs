using System.Globalization;
using Fos1.Mdns.Applying;

namespace Fos1.Mdns.Tests.Applying;

public sealed class AvahiSignalRestartTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fos1-mdns-pid-");

    private string PidFile => Path.Combine(_directory.FullName, "pid");

    [Fact]
    public async Task Without_a_pid_file_avahi_is_not_running()
    {
        Assert.Equal(AvahiRestartOutcome.NotRunning, await new AvahiSignalRestart(PidFile).RestartAsync());
    }

    [Fact]
    public async Task A_pid_file_naming_another_program_is_stale_and_that_program_is_not_signalled()
    {
        // Our own pid: were it signalled, this test run would end here.
        await File.WriteAllTextAsync(PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");

        Assert.Equal(AvahiRestartOutcome.NotRunning, await new AvahiSignalRestart(PidFile).RestartAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a pid\n")]
    [InlineData("-1\n")]
    public void A_pid_file_without_a_pid_reads_as_none(string text)
    {
        File.WriteAllText(PidFile, text);

        Assert.Null(AvahiPidFile.Read(PidFile));
    }

    [Fact]
    public void A_pid_file_holds_avahis_pid_and_a_newline()
    {
        File.WriteAllText(PidFile, "4242\n");

        Assert.Equal(4242, AvahiPidFile.Read(PidFile));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
