using Fos1.Mdns.Interfaces;

namespace Fos1.Mdns.Tests.Interfaces;

public sealed class NodeInterfacesTests
{
    [Fact]
    public void The_systems_interfaces_include_loopback()
    {
        Assert.Contains("lo", NodeInterfaces.FromSystem());
    }

    [Fact]
    public void Sysfs_lists_one_entry_per_interface()
    {
        Assert.Contains("lo", NodeInterfaces.FromSysfs());
    }

    [Fact]
    public void A_sysfs_directory_is_read_as_sorted_names()
    {
        var directory = Directory.CreateTempSubdirectory("fos1-mdns-sysfs-");
        try
        {
            foreach (var name in new[] { "vlan20", "eth0", "lo" })
            {
                Directory.CreateDirectory(Path.Combine(directory.FullName, name));
            }

            Assert.Equal(["eth0", "lo", "vlan20"], NodeInterfaces.FromSysfs(directory.FullName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
