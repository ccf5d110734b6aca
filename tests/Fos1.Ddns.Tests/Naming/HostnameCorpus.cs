using System.Text.RegularExpressions;

namespace Fos1.Ddns.Tests.Naming;

/// <summary>One line of Corpus/hostnames.txt: the client's name (unescaped), the expected outcome and FQDN.</summary>
internal sealed record HostnameCorpusEntry(int Line, string Escaped, string Input, string Outcome, string Fqdn);

/// <summary>Reads the hostile host name corpus copied next to the test assembly.</summary>
internal static class HostnameCorpus
{
    public static IReadOnlyList<HostnameCorpusEntry> Entries { get; } = Load();

    private static List<HostnameCorpusEntry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Naming", "Corpus", "hostnames.txt");
        var entries = new List<HostnameCorpusEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new InvalidDataException($"{path} line {number}: expected input, outcome and fqdn separated by tabs");
            }

            entries.Add(new HostnameCorpusEntry(number, columns[0], Regex.Unescape(columns[0]), columns[1], columns[2]));
        }

        return entries;
    }
}
