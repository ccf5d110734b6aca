namespace Fos1.Outbox.Journaling;

/// <summary>One appended record as the journal reports it: where its payload landed and the caller's tag.</summary>
/// <param name="Offset">File offset of the payload (after the frame header); -1 if the write failed.</param>
public readonly record struct JournalWrite(long Offset, int Length, object? Tag);
