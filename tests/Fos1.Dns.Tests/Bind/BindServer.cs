using System.Globalization;
using System.Net;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Fos1.Dns.Tsig;

namespace Fos1.Dns.Tests.Bind;

/// <summary>
/// A real BIND primary for home.arpa and 2.0.192.in-addr.arpa on 127.0.0.1 at a free port, taking
/// UPDATEs signed with any of the given keys. Lives in a temp directory removed on dispose.
/// (Private to these tests until the lead merges it with the shared Fos1.Testbed BindServer.)
/// </summary>
internal sealed class BindServer : IAsyncDisposable
{
    public static readonly string[] Zones = ["home.arpa", "2.0.192.in-addr.arpa"];

    private readonly string _directory;
    private readonly CancellationTokenSource _stop;
    private readonly CommandTask<CommandResult> _process;
    private readonly StringBuilder _log;

    private BindServer(string directory, int port, CancellationTokenSource stop, CommandTask<CommandResult> process, StringBuilder log)
    {
        _directory = directory;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
        _stop = stop;
        _process = process;
        _log = log;
    }

    public IPEndPoint Endpoint { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<BindServer> StartAsync(IReadOnlyList<TsigKey> keys)
    {
        var named = Tools.Named;
        var directory = Directory.CreateTempSubdirectory("fos1-dns-bind-").FullName;
        var port = FreePort.Pick();
        File.WriteAllText(Path.Combine(directory, "named.conf"), NamedConf(directory, port, keys));
        File.WriteAllText(Path.Combine(directory, "home.arpa.db"), ZoneFile("home.arpa", "ns.home.arpa. 300 IN A 127.0.0.1\n"));
        File.WriteAllText(Path.Combine(directory, "2.0.192.in-addr.arpa.db"), ZoneFile("2.0.192.in-addr.arpa", string.Empty));

        var log = new StringBuilder();
        var stop = new CancellationTokenSource();
        var process = Cli.Wrap(named)
            .WithArguments(["-g", "-c", Path.Combine(directory, "named.conf")])
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Append(log, line)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Append(log, line)))
            .ExecuteAsync(stop.Token);
        var server = new BindServer(directory, port, stop, process, log);
        try
        {
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The answer section for NAME TYPE, one record per line, fields separated by one space, sorted.</summary>
    public async Task<IReadOnlyList<string>> AnswerAsync(string name, string type)
    {
        var result = await Cli.Wrap(Tools.Dig)
            .WithArguments(["@127.0.0.1", "-p", Endpoint.Port.ToString(CultureInfo.InvariantCulture), "+noall", "+answer", "+time=2", "+tries=2", name, type])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dig {name} {type} failed ({result.ExitCode}): {result.StandardOutput}{result.StandardError}");
        }

        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => string.Join(' ', line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _process;
        }
        catch (OperationCanceledException)
        {
            // Killed as asked.
        }

        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilServingAsync(TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            if (_process.Task.IsCompleted)
            {
                throw new InvalidOperationException($"named exited before serving:\n{Log}");
            }

            var served = 0;
            foreach (var zone in Zones)
            {
                var answer = await AnswerAsync(zone, "SOA");
                served += answer.Count == 1 ? 1 : 0;
            }

            if (served == Zones.Length)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"named did not serve {string.Join(", ", Zones)} within {patience}:\n{Log}");
            }

            await Task.Delay(50);
        }
    }

    private static void Append(StringBuilder log, string line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string NamedConf(string directory, int port, IReadOnlyList<TsigKey> keys)
    {
        var conf = new StringBuilder();
        conf.Append(CultureInfo.InvariantCulture, $$"""
            options {
              directory "{{directory}}";
              pid-file "{{directory}}/named.pid";
              session-keyfile "{{directory}}/session.key";
              managed-keys-directory "{{directory}}";
              listen-on port {{port}} { 127.0.0.1; };
              listen-on-v6 { none; };
              recursion no;
              dnssec-validation no;
              notify no;
              allow-transfer { 127.0.0.1; };
            };
            controls { };

            """);
        foreach (var key in keys)
        {
            conf.Append(CultureInfo.InvariantCulture,
                $"key \"{key.Name.Text}\" {{ algorithm {key.Algorithm.KeaName().ToLowerInvariant()}; secret \"{Convert.ToBase64String(key.Secret)}\"; }};\n");
        }

        var allowUpdate = string.Concat(keys.Select(k => $"key \"{k.Name.Text}\"; "));
        foreach (var zone in Zones)
        {
            conf.Append(CultureInfo.InvariantCulture,
                $"zone \"{zone}\" {{ type primary; file \"{zone}.db\"; allow-update {{ {allowUpdate}}}; }};\n");
        }

        return conf.ToString();
    }

    // Explicit numeric TTLs on every record: the zone is read by BIND here, but by ARSoft elsewhere.
    private static string ZoneFile(string zone, string extra) =>
        $"$TTL 300\n{zone}. 300 IN SOA ns.home.arpa. hostmaster.home.arpa. 1 3600 600 86400 300\n{zone}. 300 IN NS ns.home.arpa.\n{extra}";
}
