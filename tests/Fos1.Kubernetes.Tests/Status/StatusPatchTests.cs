using System.Text.Json.Nodes;
using Fos1.Kubernetes.Status;

namespace Fos1.Kubernetes.Tests.Status;

public sealed class StatusPatchTests
{
    [Fact]
    public void A_field_the_new_status_no_longer_has_is_removed_with_an_explicit_null()
    {
        var current = JsonNode.Parse("""{"observedGeneration":2,"zone":"home.arpa.","serial":7,"conditions":[{"type":"Ready"}]}""")!.AsObject();
        var next = JsonNode.Parse("""{"observedGeneration":3,"zone":"home.arpa.","conditions":[{"type":"Ready","status":"False"}]}""")!.AsObject();

        var patch = StatusPatch.Between(current, next);

        Assert.Equal(
            """{"observedGeneration":3,"zone":"home.arpa.","conditions":[{"type":"Ready","status":"False"}],"serial":null}""",
            patch.ToJsonString());
    }

    [Fact]
    public void Nested_objects_are_compared_field_by_field_and_lists_are_replaced_whole()
    {
        var current = JsonNode.Parse("""{"applied":{"hash":"a","generation":1},"subnets":[1,2]}""")!.AsObject();
        var next = JsonNode.Parse("""{"applied":{"hash":"b"},"subnets":[3]}""")!.AsObject();

        Assert.Equal("""{"applied":{"hash":"b","generation":null},"subnets":[3]}""", StatusPatch.Between(current, next).ToJsonString());
    }

    [Fact]
    public void Without_a_current_status_the_patch_is_the_new_status()
    {
        var next = JsonNode.Parse("""{"observedGeneration":1}""")!.AsObject();

        Assert.Equal("""{"observedGeneration":1}""", StatusPatch.Between(null, next).ToJsonString());
    }
}
