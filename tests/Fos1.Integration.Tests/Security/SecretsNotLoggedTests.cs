using System.Text;
using Fos1.Crds.Dns;
using Fos1.Integration.Tests.DnsSidecar;
using Fos1.Integration.Tests.Infrastructure;
using Fos1.Testbed.AdGuard;
using Fos1.Testbed.Dns;
using Fos1.Testbed.Kea;
using Fos1.Testbed.Kubernetes;
using Fos1.Testbed.Processes;
using Fos1.Testbed.Sidecars;
using Fos1.Zones.Records;
using static Fos1.Integration.Tests.Infrastructure.Changes;

namespace Fos1.Integration.Tests.Security;

/// <summary>
/// The real sidecar processes at Debug level, with known secrets, through good and failing traffic: neither the
/// secret nor any encoding of it may appear in what they print. A test process keeps the last 500 lines only, so
/// each test also checks that nothing scrolled away unseen.
/// </summary>
public sealed class SecretsNotLoggedTests
{
    private static readonly string[] Debug = ["--Logging:LogLevel:Default=Debug"];

    [Fact]
    public async Task Tsig_secrets_never_appear_in_the_kea_or_dns_sidecars_output_at_debug_level_even_when_updates_fail()
    {
        var key = TsigKey.Generate();
        var forged = key with { Secret = TsigKey.GenerateSecret() };
        await using var dns = await DnsSidecarProcess.StartAsync([DnsStack.ForwardZone, DnsStack.ReverseZone4], key, extraArguments: Debug);
        await using var kea = await KeaSidecarProcess.StartAsync(
            new KeaDdnsOptions
            {
                Key = key,
                ForwardDomains = [new KeaDdnsDomain(DnsStack.ForwardZone, [dns.UpdateEndpoint])],
                ReverseDomains = [new KeaDdnsDomain(DnsStack.ReverseZone4, [dns.UpdateEndpoint])],
            },
            Debug);

        using (var udp = new System.Net.Sockets.UdpClient(kea.Endpoint.AddressFamily))
        {
            await udp.SendAsync(Fos1.Kea.Ncr.NameChangeRequestCodec.Encode(Add("phone", "192.0.2.10", 1)), kea.Endpoint);
        }

        await Poll.UntilAsync(async _ => (await GrpcQuery.AskAsync(dns.GrpcEndpoint, "phone.home.arpa", DnsType.A)).Data.Count == 1,
            TimeSpan.FromSeconds(15), "the kea sidecar's signed update", () => kea.RecentOutput + dns.RecentOutput);
        var refused = await Nsupdate.SendAsync(dns.UpdateEndpoint, forged, DnsStack.ForwardZone, ["update add evil.home.arpa. 600 IN A 192.0.2.66"]);
        Assert.NotEqual(0, refused.ExitCode);

        foreach (var output in new[] { kea.RecentOutput, dns.RecentOutput })
        {
            AssertComplete(output);
            AssertNoneOf(output, Encodings(key.Secret).Concat(Encodings(forged.Secret)));
        }
    }

    [Fact]
    public async Task The_adguard_password_never_appears_in_the_config_sidecars_output_at_debug_level_stand_ins_for_adguard_home_and_kube_apiserver()
    {
        await using var api = await TestApiServer.StartAsync();
        api.Serve(DnsKinds.FilterList);
        api.Serve(DnsKinds.Client);
        api.Serve(DnsKinds.MdnsReflector);
        await using var adGuard = await FakeAdGuardHome.StartAsync();
        await using var sidecar = await ConfigSidecarProcess.StartAsync(api, adGuard.Address, mdns: false, extraArguments: Debug);

        api.ApplyYaml("""
            apiVersion: dns.fos1.io/v1alpha1
            kind: DNSFilterList
            metadata: {name: ads, namespace: home}
            spec:
              urls: [https://lists.example/ads.txt]
            """);
        await Poll.UntilAsync(() => adGuard.Read(a => a.Filters.Any(f => f.Url == "https://lists.example/ads.txt")),
            TimeSpan.FromSeconds(30), "the filter list in AdGuard Home", () => sidecar.RecentOutput);

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeAdGuardHome.User}:{FakeAdGuardHome.Password}"));
        AssertComplete(sidecar.RecentOutput);
        AssertNoneOf(sidecar.RecentOutput, [FakeAdGuardHome.Password, basic]);
    }

    /// <summary>The secret as configured (base64), as hex, and as the raw bytes read as text.</summary>
    private static IEnumerable<string> Encodings(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        yield return base64;
        yield return Convert.ToHexString(bytes);
        yield return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    private static void AssertComplete(string output)
    {
        Assert.Contains("dbug:", output, StringComparison.Ordinal); // Debug really was on
        Assert.True(output.Split('\n').Length < 500, "more than the 500 kept lines were printed: part of the output was not checked");
    }

    private static void AssertNoneOf(string output, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..4]}...) appears in the output");
        }
    }
}
