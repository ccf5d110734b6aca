using Fos1.Outbox.Journaling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fos1.Outbox.Tests.Journaling;

public sealed class JournalLengthTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Length_is_answered_while_the_writer_holds_the_journal_instead_of_waiting_for_it()
    {
        using var directory = new TempDirectory();
        using var journal = Journal.Open(Path.Combine(directory.Path, "test.journal"), "test", (_, _) => { }, NullLogger.Instance);
        await journal.AppendAsync([1, 2, 3]).WaitAsync(Patience);
        var durable = journal.Length;
        long? readMeanwhile = null;

        // Compact holds the writer's lock for as long as the callback runs, as a write does through its fsync.
        journal.Compact(rewriter =>
        {
            var reader = Task.Run(() => journal.Length);
            readMeanwhile = reader.Wait(Patience) ? reader.Result : null;
            rewriter.Append([1, 2, 3]);
            rewriter.Commit();
        });

        Assert.Equal(durable, readMeanwhile);
        Assert.Equal(durable, journal.Length);
    }
}
