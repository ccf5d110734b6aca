using Fos1.Testbed.Dns;

namespace Fos1.Testbed.Tests.Dns;

public sealed class DigTests
{
    [Fact]
    public void The_status_and_the_answer_lines_are_parsed_from_dig_output()
    {
        const string Output = """
            ;; Got answer:
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242
            ;; flags: qr aa; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags:; udp: 1232
            ;; ANSWER SECTION:
            host.home.arpa.		300	IN	A	192.0.2.7
            host.home.arpa.		300	IN	TXT	"two words"

            """;

        var result = Dig.Parse(0, Output);

        Assert.True(result.Answered);
        Assert.Equal("NOERROR", result.Status);
        Assert.Equal(
            [new DigRecord("host.home.arpa.", 300, "IN", "A", "192.0.2.7"), new DigRecord("host.home.arpa.", 300, "IN", "TXT", "\"two words\"")],
            result.Answers);
        Assert.Equal(["192.0.2.7", "\"two words\""], result.Data);
    }

    [Fact]
    public void A_timeout_is_an_unanswered_result_without_status()
    {
        var result = Dig.Parse(9, ";; communications error to 127.0.0.1#5300: timed out\n;; no servers could be reached\n");

        Assert.False(result.Answered);
        Assert.Equal("", result.Status);
        Assert.Empty(result.Answers);
    }
}
