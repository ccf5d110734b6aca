using System.Globalization;

namespace Fos1.Manifests.Tests.Crds;

internal static class FieldPath
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
