namespace Fos1.Crds.Tests.Serialization;

/// <summary>One CR per kind with every field of docs/crds.md set to a non-default value.</summary>
internal static class FullExamples
{
    public const string DnsZone = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSZone
        metadata:
          name: home
          namespace: net
          generation: 3
        spec:
          domain: home.arpa
          ttl: 1800
          soa:
            primaryNameServer: ns1.home.arpa
            mailbox: admin.home.arpa
            refresh: 7200
            retry: 900
            expire: 1209600
            minimum: 60
          nameServers: [ns1.home.arpa, ns2.home.arpa]
          records:
            - name: www
              type: A
              value: 192.168.1.10
              ttl: 300
            - name: "@"
              type: MX
              value: 10 mail.home.arpa.
          dynamicUpdates:
            enabled: true
            keys: [kea-ddns]
            recordTypes: [A, DHCID]
          publish:
            mode: Secondary
            cacheSeconds: 30
            notify: ["10.0.0.5:53"]
        status:
          zone: home.arpa.
          serial: 2026112901
          observedGeneration: 3
          conditions:
            - type: Ready
              status: "True"
              observedGeneration: 3
              lastTransitionTime: "2026-11-29T10:00:00Z"
              reason: Serving
              message: serving 2 records
        """;

    public const string PtrZone = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: PTRZone
        metadata:
          name: lan-reverse
        spec:
          network: 192.168.1.0/24
          ttl: 600
          nameServers: [ns.home.arpa]
          records:
            - address: 192.168.1.1
              hostname: router.home.arpa.
              ttl: 120
          dynamicUpdates:
            enabled: true
            keys: [kea-ddns]
          publish:
            mode: File
        """;

    public const string DnsFilterList = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSFilterList
        metadata:
          name: ads
        spec:
          displayName: Ads
          enabled: false
          allowlist: true
          urls: [https://adguardteam.github.io/HostlistsRegistry/assets/filter_1.txt]
          rules: ["||ads.example^", "@@||good.example^"]
        """;

    public const string DnsClient = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: DNSClient
        metadata:
          name: kids-tablet
        spec:
          displayName: Kids tablet
          ids: [192.168.1.50, "aa:bb:cc:dd:ee:ff", 192.168.2.0/24, tablet-1]
          tags: [device_tablet]
          upstreams: ["https://dns.quad9.net/dns-query"]
          useGlobalSettings: false
          filteringEnabled: false
          parentalEnabled: true
          safeBrowsingEnabled: true
          safeSearch: { enabled: true }
          blockedServices:
            useGlobal: false
            ids: [youtube, tiktok]
            schedule:
              timeZone: Europe/Berlin
              days:
                mon: { start: "08:00", end: "15:00" }
                sun: { start: "00:00", end: "24:00" }
          filterLists: [kids-blocklist]
        """;

    public const string MdnsReflector = """
        apiVersion: dns.fos1.io/v1alpha1
        kind: MDNSReflector
        metadata:
          name: home
        spec:
          enabled: false
          interfaces: [eth0, vlan20]
          ipv4: true
          ipv6: false
          reflectIpv: false
          filters: [_airplay._tcp.local]
        """;

    public const string DhcpV4Service = """
        apiVersion: dhcp.fos1.io/v1alpha1
        kind: DHCPv4Service
        metadata:
          name: lan
        spec:
          interfaces: [eth0]
          validLifetime: 7200
          renewTimer: 900
          rebindTimer: 1800
          options:
            - name: domain-name-servers
              data: 192.168.1.1
              alwaysSend: true
          subnets:
            - subnet: 192.168.1.0/24
              id: 7
              pools:
                - start: 192.168.1.100
                  end: 192.168.1.200
              options:
                - name: routers
                  data: 192.168.1.1
              validLifetime: 600
              reservations:
                - hwAddress: "aa:bb:cc:dd:ee:ff"
                  ipAddress: 192.168.1.20
                  hostname: printer
                - clientId: "01:aa:bb:cc:dd:ee:01"
                  ipAddress: 192.168.1.21
          dnsupdates:
            enabled: true
            domain: home.arpa
            reverse: false
            replaceClientName: when-not-present
            generatedPrefix: host
        status:
          appliedGeneration: 2
          configHash: "sha256:00ff"
          observedGeneration: 2
          conditions:
            - type: Ready
              status: "False"
              observedGeneration: 2
              lastTransitionTime: "2026-11-29T10:00:00Z"
              reason: Rejected
              message: "subnet 192.168.1.0/24: pool overlaps"
        """;

    public const string DhcpV6Service = """
        apiVersion: dhcp.fos1.io/v1alpha1
        kind: DHCPv6Service
        metadata:
          name: lan6
        spec:
          interfaces: [eth0]
          validLifetime: 7200
          preferredLifetime: 3600
          subnets:
            - subnet: 2001:db8:1::/64
              pools:
                - start: 2001:db8:1::100
                  end: 2001:db8:1::1ff
              pdPools:
                - prefix: 2001:db8:8000::/48
                  delegatedLength: 56
              preferredLifetime: 1800
              reservations:
                - duid: "00:01:00:01:2a:2b:2c:2d:aa:bb:cc:dd:ee:ff"
                  ipAddresses: [2001:db8:1::20]
                  prefixes: [2001:db8:8100::/56]
                  hostname: nas
          dnsupdates:
            enabled: true
            domain: home.arpa
            replaceClientName: always
        """;
}
