namespace Fos1.Zones.Text;

/// <summary>A zone file could not be read; the message names the line and what is wrong with it.</summary>
public sealed class ZoneFileException : Exception
{
    public ZoneFileException()
    {
    }

    public ZoneFileException(string message)
        : base(message)
    {
    }

    public ZoneFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ZoneFileException(int line, string message)
        : base($"line {line}: {message}")
    {
        Line = line;
    }

    /// <summary>1-based line where the offending entry starts; 0 when the file as a whole is at fault.</summary>
    public int Line { get; }
}
