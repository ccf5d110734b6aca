namespace Fos1.Ddns.Tests.Names;

public sealed class DnsNameWireFormatTests
{
    [Fact]
    public void The_canonical_wire_format_is_lower_case_length_prefixed_labels_ending_in_the_root()
    {
        var wire = DnsName.Parse("Host-1.Home.ARPA.").ToCanonicalWireFormat();

        Assert.Equal([6, (byte)'h', (byte)'o', (byte)'s', (byte)'t', (byte)'-', (byte)'1', 4, (byte)'h', (byte)'o', (byte)'m', (byte)'e', 4, (byte)'a', (byte)'r', (byte)'p', (byte)'a', 0], wire);
    }

    [Fact]
    public void The_root_is_a_single_zero_octet()
    {
        Assert.Equal([0], DnsName.Root.ToCanonicalWireFormat());
    }

    [Fact]
    public void The_parent_drops_the_first_label_and_the_root_has_none()
    {
        var name = DnsName.Parse("host.home.arpa");

        Assert.Equal(DnsName.Parse("home.arpa"), name.Parent);
        Assert.Equal(DnsName.Root, DnsName.Parse("arpa").Parent);
        Assert.Null(DnsName.Root.Parent);
    }
}
