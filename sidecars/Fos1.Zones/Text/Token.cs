namespace Fos1.Zones.Text;

/// <summary>One field of a master-file entry, escapes still in place; <see cref="Quoted"/> when it was in quotes.</summary>
internal sealed record Token(string Text, bool Quoted);

/// <summary>One logical entry (parentheses joined), with the line it starts on.</summary>
internal sealed record Entry(int Line, bool OwnerOmitted, IReadOnlyList<Token> Tokens);
