using System.Text;
using Fos1.Kubernetes.Clients;

namespace Fos1.Kubernetes.Tests.Clients;

public sealed class WatchLinesTests
{
    [Theory]
    [InlineData("ADDED", WatchEventType.Added)]
    [InlineData("MODIFIED", WatchEventType.Modified)]
    [InlineData("DELETED", WatchEventType.Deleted)]
    [InlineData("BOOKMARK", WatchEventType.Bookmark)]
    [InlineData("ERROR", WatchEventType.Error)]
    public void Each_event_type_is_read_with_its_object_as_sent(string wire, WatchEventType type)
    {
        var line = "{\"type\":\"" + wire + "\",\"object\":{\"kind\":\"Widget\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"7\"}}}";

        var watchEvent = WatchLines.Parse(Encoding.UTF8.GetBytes(line));

        Assert.Equal(type, watchEvent.Type);
        Assert.Equal("""{"kind":"Widget","metadata":{"name":"a","resourceVersion":"7"}}""", watchEvent.Object.GetRawText());
    }

    [Fact]
    public void An_error_event_carries_the_status_code_and_message()
    {
        var watchEvent = WatchLines.Parse(
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}"""u8);

        Assert.Equal((WatchEventType.Error, 410, "too old resource version: 1 (5)"), (watchEvent.Type, watchEvent.ErrorCode, watchEvent.ErrorMessage));
    }

    [Fact]
    public void Only_error_events_have_an_error_code()
    {
        var watchEvent = WatchLines.Parse("""{"type":"ADDED","object":{"code":410,"message":"a field of the object"}}"""u8);

        Assert.Equal((null, null), (watchEvent.ErrorCode, watchEvent.ErrorMessage));
    }

    [Theory]
    [InlineData("""{"type":"ADDED","object":{"kind":"Widget"}""", "A watch line is not JSON")]
    [InlineData("""["ADDED"]""", "A watch line is a JSON Array, not an object.")]
    [InlineData("""{"object":{}}""", "A watch line has no \"type\" string.")]
    [InlineData("""{"type":7,"object":{}}""", "A watch line has no \"type\" string.")]
    [InlineData("""{"type":"ADDED"}""", "A ADDED watch line has no \"object\".")]
    [InlineData("""{"type":"ADDED","object":null}""", "A ADDED watch line has no \"object\".")]
    [InlineData("""{"type":"RENAMED","object":{}}""", "A watch line has the unknown type \"RENAMED\".")]
    public void A_line_that_is_not_a_watch_event_is_refused_with_the_reason(string line, string reason)
    {
        var e = Assert.Throws<FormatException>(() => WatchLines.Parse(Encoding.UTF8.GetBytes(line)));

        Assert.StartsWith(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_splits_into_its_lines_skipping_blank_ones_and_ends_at_a_clean_close()
    {
        var reader = new WatchLineReader(new MemoryStream("{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}\n"u8.ToArray()));

        var lines = new List<string>();
        while (await reader.NextAsync(CancellationToken.None) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        Assert.Equal(["{\"a\":1}", "{\"b\":2}\r", "{\"c\":3}"], lines);
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_is_read_whole()
    {
        var big = "{\"data\":\"" + new string('x', 100_000) + "\"}";
        var reader = new WatchLineReader(new MemoryStream(Encoding.UTF8.GetBytes(big + "\n")));

        var line = await reader.NextAsync(CancellationToken.None);

        Assert.Equal(big, Encoding.UTF8.GetString(line!.Value.Span));
        Assert.Null(await reader.NextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_body_cut_off_in_the_middle_of_an_event_is_an_error_not_an_end()
    {
        var reader = new WatchLineReader(new MemoryStream("{\"a\":1}\n{\"type\":\"ADD"u8.ToArray()));
        await reader.NextAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<IOException>(async () => await reader.NextAsync(CancellationToken.None));

        Assert.Equal("The watch stream ended in the middle of an event (12 bytes without a newline).", e.Message);
    }

    [Fact]
    public void The_watch_address_asks_for_bookmarks_from_the_resource_version()
    {
        var uri = ResourceWatch.WatchUri(new Uri("http://127.0.0.1:6443/"), "/apis/dns.fos1.io/v1alpha1/namespaces/lab/dnszones", "41", 30);

        Assert.Equal(
            "http://127.0.0.1:6443/apis/dns.fos1.io/v1alpha1/namespaces/lab/dnszones?allowWatchBookmarks=true&resourceVersion=41&timeoutSeconds=30&watch=true",
            uri.AbsoluteUri);
    }
}
