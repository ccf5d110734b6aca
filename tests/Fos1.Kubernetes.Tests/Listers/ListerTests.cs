using Fos1.Kubernetes.Listers;
using Fos1.Kubernetes.Tests.Support;

namespace Fos1.Kubernetes.Tests.Listers;

public sealed class ListerTests
{
    private const string BySecret = "bySecret";

    [Fact]
    public void Objects_are_found_by_namespace_and_name()
    {
        var lister = new Lister<Widget>();
        var lab = Widget.Make("lab", "w1", "1");
        var prod = Widget.Make("prod", "w1", "2");
        lister.Upsert(lab);
        lister.Upsert(prod);

        Assert.Same(lab, lister.Get("lab", "w1"));
        Assert.Same(prod, lister.Get("prod", "w1"));
        Assert.Null(lister.Get("lab", "w2"));
        Assert.Null(lister.Get(null, "w1"));
    }

    [Fact]
    public void List_returns_everything_or_one_namespace()
    {
        var lister = new Lister<Widget>();
        lister.Upsert(Widget.Make("lab", "w1", "1"));
        lister.Upsert(Widget.Make("lab", "w2", "2"));
        lister.Upsert(Widget.Make("prod", "w1", "3"));

        Assert.Equal(3, lister.List().Count);
        Assert.Equal(3, lister.List(null).Count);
        Assert.Equal(["w1", "w2"], lister.List("lab").Select(widget => widget.Metadata.Name).Order());
        Assert.Empty(lister.List("staging"));
    }

    [Fact]
    public void An_index_follows_updates_and_removals()
    {
        var lister = new Lister<Widget>();
        lister.AddIndex(BySecret, SecretsOf);
        lister.Upsert(WithSecret("w1", "s1"));
        lister.Upsert(WithSecret("w2", "s1"));

        Assert.Equal(["w1", "w2"], Names(lister.ByIndex(BySecret, "s1")));

        lister.Upsert(WithSecret("w1", "s2"));
        Assert.Equal(["w2"], Names(lister.ByIndex(BySecret, "s1")));
        Assert.Equal(["w1"], Names(lister.ByIndex(BySecret, "s2")));

        lister.Remove("lab/w2");
        Assert.Empty(lister.ByIndex(BySecret, "s1"));
    }

    [Fact]
    public void An_index_added_late_covers_objects_already_cached()
    {
        var lister = new Lister<Widget>();
        lister.Upsert(WithSecret("w1", "s1"));

        lister.AddIndex(BySecret, SecretsOf);

        Assert.Equal(["w1"], Names(lister.ByIndex(BySecret, "s1")));
    }

    [Fact]
    public void Asking_an_unknown_index_is_an_error_that_names_it()
    {
        var lister = new Lister<Widget>();

        var error = Assert.Throws<InvalidOperationException>(() => lister.ByIndex("byColor", "blue"));
        Assert.Contains("byColor", error.Message, StringComparison.Ordinal);
    }

    private static Widget WithSecret(string name, string secret)
    {
        var widget = Widget.Make("lab", name, "1");
        widget.Spec = widget.Spec! with { SecretRef = secret };
        return widget;
    }

    private static IEnumerable<string> SecretsOf(Widget widget) =>
        widget.Spec?.SecretRef is { } secret ? [secret] : [];

    private static IEnumerable<string> Names(IEnumerable<Widget> widgets) =>
        widgets.Select(widget => widget.Metadata.Name).Order();
}
