using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;

namespace Fos1.Manifests.Tests.Crds;

/// <summary>
/// The CRDs against the field contract in docs/crds.md, checked without an API server: names, status,
/// printer columns, defaults and CEL rules.
/// </summary>
public sealed partial class CrdStructureTests
{
    private sealed record KindContract(string Group, string ShortName, string[] Columns);

    // docs/crds.md: the kinds table and each kind's "Printer columns" line.
    private static readonly Dictionary<string, KindContract> Contract = new(StringComparer.Ordinal)
    {
        ["DNSZone"] = new("dns.fos1.io", "dnsz", ["Domain", "Mode", "Dynamic", "Serial", "Ready", "Age"]),
        ["PTRZone"] = new("dns.fos1.io", "ptrz", ["Network", "Zone", "Mode", "Ready", "Age"]),
        ["DNSFilterList"] = new("dns.fos1.io", "dnsfl", ["Enabled", "Allowlist", "Ready", "Age"]),
        ["DNSClient"] = new("dns.fos1.io", "dnsc", ["IDs", "Filtering", "Ready", "Age"]),
        ["MDNSReflector"] = new("dns.fos1.io", "mdnsr", ["Enabled", "Interfaces", "Ready", "Age"]),
        ["DHCPv4Service"] = new("dhcp.fos1.io", "dhcp4", ["Subnets", "DDNS", "Ready", "Age"]),
        ["DHCPv6Service"] = new("dhcp.fos1.io", "dhcp6", ["Subnets", "DDNS", "Ready", "Age"]),
    };

    public static TheoryData<string> CrdFiles => new(ManifestFolder.CrdFiles.Select(Path.GetFileName).OfType<string>());

    [Fact]
    public void Every_documented_kind_has_one_CRD_file_and_the_kustomization_lists_exactly_those_files()
    {
        Assert.Equal(Contract.Keys.Order(StringComparer.Ordinal), CustomResourceDefinitions.All.Select(d => d.Kind).Order(StringComparer.Ordinal));

        var kustomization = YamlTree.ParseFile(Path.Combine(ManifestFolder.Crds, "kustomization.yaml")).Single();
        var resources = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(ManifestFolder.CrdFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal), resources);
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void CRD_names_follow_the_group_kind_plural_convention_of_docs_crds_md(string file)
    {
        var crd = CustomResourceDefinitions.ForFile(file).Model;
        var names = crd.Spec.Names;
        var contract = Contract[names.Kind];

        Assert.Equal(contract.Group, crd.Spec.Group);
        Assert.Equal(names.Kind.ToLowerInvariant() + "s", names.Plural);
        Assert.Equal(names.Kind.ToLowerInvariant(), names.Singular);
        Assert.Equal(names.Kind + "List", names.ListKind);
        Assert.Equal($"{names.Plural}.{crd.Spec.Group}", crd.Metadata.Name);
        Assert.Equal($"{crd.Spec.Group}_{names.Plural}.yaml", file);
        Assert.Equal([contract.ShortName], names.ShortNames);
        Assert.Equal(["fos1"], names.Categories);
        Assert.Equal("Namespaced", crd.Spec.Scope);
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void CRD_serves_v1alpha1_with_a_status_subresource_holding_observedGeneration_and_conditions(string file)
    {
        var definition = CustomResourceDefinitions.ForFile(file);
        var version = Assert.Single(definition.Model.Spec.Versions);

        Assert.Equal("v1alpha1", version.Name);
        Assert.True(version.Served);
        Assert.True(version.Storage);
        Assert.NotNull(version.Subresources?.Status);
        var status = definition.Schema["properties"]!["status"]!["properties"]!;
        Assert.Equal("integer", status["observedGeneration"]!["type"]!.GetValue<string>());
        var conditions = status["conditions"]!;
        Assert.Equal("map", conditions["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("""["type"]""", conditions["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("""["type","status","lastTransitionTime","reason","message"]""", conditions["items"]!["required"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Printer_columns_are_the_documented_ones_and_each_JSONPath_exists_in_the_schema(string file)
    {
        var definition = CustomResourceDefinitions.ForFile(file);
        var columns = definition.Version.AdditionalPrinterColumns;

        Assert.Equal(Contract[definition.Kind].Columns, columns.Select(c => c.Name));
        foreach (var column in columns)
        {
            if (column.JsonPath == ".metadata.creationTimestamp")
            {
                Assert.Equal("date", column.Type);
                continue;
            }

            var target = SchemaWalk.Resolve(definition.Schema, column.JsonPath);
            Assert.True(target is not null, $"{column.Name}: {column.JsonPath} is not in the schema");
            var type = target["type"]!.GetValue<string>();
            Assert.True(column.Type == type || (column.Type == "string" && type == "array"), $"{column.Name}: column type {column.Type}, schema type {type}");
        }

        var ready = columns.Single(c => c.Name == "Ready");
        Assert.Equal(""".status.conditions[?(@.type=="Ready")].status""", ready.JsonPath);
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Every_schema_node_is_structural_typed_and_list_maps_key_on_required_fields(string file)
    {
        foreach (var (path, schema) in SchemaWalk.Nodes(CustomResourceDefinitions.ForFile(file).Schema))
        {
            var type = schema["type"]?.GetValue<string>();
            Assert.True(type is "object" or "array" or "string" or "integer" or "boolean", $"{path}: type {type}");
            Assert.True(type != "array" || schema["items"] is JsonObject, $"{path}: array without items");
            Assert.True(type != "object" || schema["properties"] is JsonObject || path == "metadata", $"{path}: object without properties");
            if (schema["x-kubernetes-list-map-keys"] is JsonArray keys)
            {
                var required = schema["items"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
                Assert.All(keys, k => Assert.Contains(k!.GetValue<string>(), required));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Every_default_validates_against_its_own_property_schema_checked_without_an_API_server(string file)
    {
        var defaults = SchemaWalk.Nodes(CustomResourceDefinitions.ForFile(file).Schema)
            .Where(n => n.Schema.ContainsKey("default"))
            .ToList();

        Assert.NotEmpty(defaults);
        foreach (var (path, schema) in defaults)
        {
            var value = schema["default"]!.DeepClone();
            StructuralDefaulting.Apply(value, schema);
            var violations = OpenApiSchemaCheck.Check(value, schema, path).Concat(new CelRuleCheck().Check(value, schema, path)).ToList();
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void Every_CEL_rule_compiles_and_calls_only_Kubernetes_CEL_library_functions(string file)
    {
        var check = new CelRuleCheck();
        var rules = SchemaWalk.Nodes(CustomResourceDefinitions.ForFile(file).Schema)
            .SelectMany(n => n.Schema["x-kubernetes-validations"]?.AsArray() ?? [])
            .ToList();

        foreach (var rule in rules)
        {
            var text = rule!["rule"]!.GetValue<string>();
            check.Compile(text);
            Assert.False(string.IsNullOrEmpty(rule["message"]?.GetValue<string>()), $"rule without message: {text}");
            var called = FunctionCall().Matches(StringLiteral().Replace(text, "''")).Select(m => m.Groups[1].Value);
            Assert.All(called, f => Assert.Contains(f, KubernetesCelLibrary.FunctionNames));
        }
    }

    [Fact]
    public void The_cross_field_rules_of_the_brief_are_present_as_CEL()
    {
        string Rules(string kind) => string.Join("\n", SchemaWalk.Nodes(CustomResourceDefinitions.All.Single(d => d.Kind == kind).Schema)
            .SelectMany(n => n.Schema["x-kubernetes-validations"]?.AsArray() ?? []).Select(r => r!["rule"]!.GetValue<string>()));

        Assert.Contains("cidr(self.subnet).containsIP(p.start) && cidr(self.subnet).containsIP(p.end)", Rules("DHCPv4Service"), StringComparison.Ordinal);
        Assert.Contains("cidr(self.subnet).containsIP(r.ipAddress)", Rules("DHCPv4Service"), StringComparison.Ordinal);
        Assert.Contains("has(self.hwAddress) != has(self.clientId)", Rules("DHCPv4Service"), StringComparison.Ordinal);
        Assert.Contains("has(self.domain)", Rules("DHCPv4Service"), StringComparison.Ordinal);
        Assert.Contains("cidr(self.subnet).containsIP(p.start) && cidr(self.subnet).containsIP(p.end)", Rules("DHCPv6Service"), StringComparison.Ordinal);
        Assert.Contains("cidr(self.network).containsIP(r.address)", Rules("PTRZone"), StringComparison.Ordinal);
        Assert.Contains("prefixLength() in [8, 16, 24]", Rules("PTRZone"), StringComparison.Ordinal);
        Assert.Contains("prefixLength() % 4 == 0", Rules("PTRZone"), StringComparison.Ordinal);
        Assert.Contains("size(self.keys) > 0", Rules("DNSZone"), StringComparison.Ordinal);
        Assert.Contains("size(self.keys) > 0", Rules("PTRZone"), StringComparison.Ordinal);
        Assert.Contains("size(self.urls) > 0) || (has(self.rules) && size(self.rules) > 0)", Rules("DNSFilterList"), StringComparison.Ordinal);
    }

    [Fact]
    public void CRD_files_parse_strictly_as_KubernetesClient_models()
    {
        foreach (var path in ManifestFolder.CrdFiles)
        {
            var crd = KubernetesYaml.Deserialize<k8s.Models.V1CustomResourceDefinition>(File.ReadAllText(path), strict: true);
            Assert.Equal("apiextensions.k8s.io/v1", crd.ApiVersion);
            Assert.Equal("CustomResourceDefinition", crd.Kind);
        }
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex StringLiteral();
}
