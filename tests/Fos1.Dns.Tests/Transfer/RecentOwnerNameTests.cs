using Fos1.Dns.Transfer;

namespace Fos1.Dns.Tests.Transfer;

/// <summary>A zone transfer spells each owner once, however many records it holds.</summary>
public sealed class RecentOwnerNameTests
{
    private static byte[] Wire(string name) => DnsName.Parse(name).ToCanonicalWireFormat();

    [Fact]
    public void An_owner_spelled_twice_in_a_row_is_one_name_object()
    {
        var names = new RecentOwnerName();

        var first = names.Spell(Wire("alice.home.arpa"));
        var second = names.Spell(Wire("alice.home.arpa"));

        Assert.Equal("alice.home.arpa", first?.Text);
        Assert.Same(first, second);
    }

    [Fact]
    public void Another_owner_gets_its_own_name_and_the_first_is_spelled_anew_after_it()
    {
        var names = new RecentOwnerName();

        var alice = names.Spell(Wire("alice.home.arpa"));
        var bob = names.Spell(Wire("bob.home.arpa"));
        var aliceAgain = names.Spell(Wire("alice.home.arpa"));

        Assert.Equal("bob.home.arpa", bob?.Text);
        Assert.Equal(alice, aliceAgain);
        Assert.NotSame(alice, aliceAgain);
    }

    [Fact]
    public void A_name_no_DnsName_can_spell_is_null_and_does_not_replace_the_last_owner()
    {
        var names = new RecentOwnerName();
        var alice = names.Spell(Wire("alice.home.arpa"));

        var unspellable = names.Spell([4, (byte)'b', (byte)' ', (byte)'a', (byte)'d', 0]);

        Assert.Null(unspellable);
        Assert.Same(alice, names.Spell(Wire("alice.home.arpa")));
    }
}
