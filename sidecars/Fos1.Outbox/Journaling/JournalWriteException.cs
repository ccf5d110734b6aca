namespace Fos1.Outbox.Journaling;

/// <summary>
/// A record could not be made durable (typically ENOSPC or EIO on write or fsync). The record is NOT in
/// the journal: the caller must not acknowledge the source of the change, and may retry later.
/// </summary>
public sealed class JournalWriteException : IOException
{
    public JournalWriteException()
    {
    }

    public JournalWriteException(string message)
        : base(message)
    {
    }

    public JournalWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
