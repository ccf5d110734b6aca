using System.Text.Json;
using System.Text.Json.Serialization;
using Fos1.Kubernetes.Configuration;

namespace Fos1.Kubernetes.Tests.Configuration;

public sealed partial class IncludedMetadataTests
{
    private static readonly JsonSerializerOptions Included = new() { TypeInfoResolver = IncludedMetadata.Instance };

    [Fact]
    public void Metadata_included_after_options_were_copied_is_found_through_the_copy()
    {
        // What a KubernetesClientConfiguration built before the kinds' assembly loaded holds.
        var copied = new JsonSerializerOptions { TypeInfoResolver = IncludedMetadata.Instance };

        KubernetesSerialization.Include(LateKindJson.Default);

        Assert.Equal("""{"name":"a"}""", JsonSerializer.Serialize(new LateKind { Name = "a" }, copied));
        Assert.Equal("b", JsonSerializer.Deserialize<LateKind>("""{"name":"b"}""", copied)!.Name);
    }

    [Fact]
    public void Including_the_same_metadata_twice_changes_nothing()
    {
        KubernetesSerialization.Include(TwiceJson.Default);
        KubernetesSerialization.Include(TwiceJson.Default);

        Assert.Equal("""{"count":2}""", JsonSerializer.Serialize(new Twice { Count = 2 }, Included));
    }

    public sealed class LateKind
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
    }

    public sealed class Twice
    {
        [JsonPropertyName("count")]
        public int Count { get; set; }
    }

    [JsonSerializable(typeof(LateKind))]
    private sealed partial class LateKindJson : JsonSerializerContext;

    [JsonSerializable(typeof(Twice))]
    private sealed partial class TwiceJson : JsonSerializerContext;
}
