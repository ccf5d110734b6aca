using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Fos1.Crds.Dhcp;
using Fos1.Crds.Dns;
using Fos1.Crds.Serialization;
using Fos1.Kubernetes.Resources;
using Fos1.Kubernetes.Configuration;
using Fos1.Kubernetes.Json;

namespace Fos1.Crds.Tests.Serialization;

/// <summary>
/// The native build (de)serializes the kinds through <see cref="CrdJson"/>'s generated metadata; the JIT build through
/// reflection. Both must write and read exactly the same JSON, so the API server sees no difference.
/// </summary>
public sealed class GeneratedJsonTests
{
    [Theory]
    [MemberData(nameof(RoundTripTests.Examples), MemberType = typeof(RoundTripTests))]
    public void Every_kind_writes_the_same_bytes_through_generated_metadata_as_through_reflection(string kind)
    {
        var (reflection, generated) = kind switch
        {
            nameof(FullExamples.DnsZone) => BothWays<DnsZone>(FullExamples.DnsZone),
            nameof(FullExamples.PtrZone) => BothWays<PtrZone>(FullExamples.PtrZone),
            nameof(FullExamples.DnsFilterList) => BothWays<DnsFilterList>(FullExamples.DnsFilterList),
            nameof(FullExamples.DnsClient) => BothWays<DnsClient>(FullExamples.DnsClient),
            nameof(FullExamples.MdnsReflector) => BothWays<MdnsReflector>(FullExamples.MdnsReflector),
            nameof(FullExamples.DhcpV4Service) => BothWays<DhcpV4Service>(FullExamples.DhcpV4Service),
            _ => BothWays<DhcpV6Service>(FullExamples.DhcpV6Service),
        };

        Assert.Equal(reflection, generated);
    }

    public static TheoryData<string> ObjectTypes() =>
        [.. typeof(CrdJson).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Fos1.", StringComparison.Ordinal) == true && !t.IsEnum)
            .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(ObjectTypes))]
    public void An_empty_object_gets_the_same_defaults_through_generated_metadata_as_through_reflection(string typeName)
    {
        // Generated metadata sets init-only properties through an object initializer, which replaces a property's
        // default with default(T) when its field is missing: every defaulted property of the kinds must be settable.
        var type = typeof(CrdJson).GetProperties().Select(p => p.PropertyType).Where(t => t.IsGenericType)
            .Select(t => t.GetGenericArguments()[0]).First(t => t.FullName == typeName);
        var reflection = Options(new DefaultJsonTypeInfoResolver());
        var generated = Options(JsonTypeInfoResolver.Combine(KubernetesApiJson.Default, CrdJson.Default));

        Assert.Equal(EmptyObject(type, reflection), EmptyObject(type, generated));
    }

    private static string EmptyObject(Type type, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Serialize(JsonSerializer.Deserialize("{}", type, options), type, options);
        }
        catch (JsonException e)
        {
            // A type with required members refuses "{}" either way; the message names them.
            return e.Message;
        }
    }

    [Fact]
    public void A_list_with_a_status_reads_and_writes_through_generated_metadata_alone()
    {
        const string json =
            """{"apiVersion":"dns.fos1.io/v1alpha1","kind":"DNSZoneList","metadata":{"continue":"next","resourceVersion":"42"},"items":[{"apiVersion":"dns.fos1.io/v1alpha1","kind":"DNSZone","metadata":{"creationTimestamp":"2026-11-29T06:00:00Z","name":"home","namespace":"lab","resourceVersion":"41"},"spec":{"domain":"home.arpa"},"status":{"observedGeneration":3,"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-11-29T06:00:01.5Z","reason":"Published","message":""}]}}]}""";
        var generated = Options(JsonTypeInfoResolver.Combine(KubernetesApiJson.Default, CrdJson.Default));

        var list = JsonSerializer.Deserialize<CustomResourceList<DnsZone>>(json, generated)!;

        var zone = Assert.Single(list.Items);
        Assert.Equal(("home.arpa", 3L, "Published"), (zone.Spec!.Domain, zone.Status!.ObservedGeneration, zone.Status.Conditions[0].Reason));
        Assert.Equal(
            JsonSerializer.Serialize(list, Options(new DefaultJsonTypeInfoResolver())),
            JsonSerializer.Serialize(list, generated));
    }

    private static (string Reflection, string Generated) BothWays<T>(string yaml)
        where T : class
    {
        var resource = ResourceYaml.Read<T>(yaml);
        var reflection = Options(new DefaultJsonTypeInfoResolver());
        var generated = Options(JsonTypeInfoResolver.Combine(KubernetesApiJson.Default, CrdJson.Default));
        var json = JsonSerializer.Serialize(resource, reflection);
        return (
            json + "\n" + JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, reflection), reflection),
            JsonSerializer.Serialize(resource, generated) + "\n" + JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, generated), generated));
    }

    private static (string Reflection, string Generated) BothWaysFromJson<T>(string json)
        where T : class
    {
        var reflection = Options(new DefaultJsonTypeInfoResolver());
        var generated = Options(JsonTypeInfoResolver.Combine(KubernetesApiJson.Default, CrdJson.Default));
        return (
            JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, reflection), reflection),
            JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, generated), generated));
    }

    /// <summary>A copy of the layer's shared options (names, converters, null handling) with the given metadata.</summary>
    private static JsonSerializerOptions Options(IJsonTypeInfoResolver resolver)
    {
        return new JsonSerializerOptions(KubernetesSerialization.Options) { TypeInfoResolver = resolver };
    }
}
