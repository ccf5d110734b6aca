namespace Fos1.Testbed.Processes;

/// <summary>A program the testbed needs is not installed.</summary>
public sealed class MissingToolException : Exception
{
    public MissingToolException(Tool tool)
        : base($"'{tool.Executable}' is not installed: run `apt-get install {tool.DebianPackage}`.")
    {
        Tool = tool;
    }

    public MissingToolException()
    {
        Tool = new Tool("", "");
    }

    public MissingToolException(string message)
        : base(message)
    {
        Tool = new Tool("", "");
    }

    public MissingToolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tool = new Tool("", "");
    }

    public Tool Tool { get; }
}
