namespace Fos1.LocalStack;

/// <summary>Prints rows as an aligned plain-text table.</summary>
internal static class ConsoleTable
{
    public static void Print(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        for (var i = 0; i < all.Count; i++)
        {
            Console.WriteLine("  " + string.Join("  ", all[i].Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
            if (i == 0)
            {
                Console.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }
}
