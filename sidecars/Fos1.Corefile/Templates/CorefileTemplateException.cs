namespace Fos1.Corefile.Templates;

/// <summary>A template is malformed or asks for a placeholder the renderer does not provide.</summary>
public sealed class CorefileTemplateException : Exception
{
    public CorefileTemplateException(string message)
        : base(message)
    {
    }

    public CorefileTemplateException()
    {
    }

    public CorefileTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
