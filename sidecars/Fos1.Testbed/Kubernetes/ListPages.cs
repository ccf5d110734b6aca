using System.Globalization;
using System.Text;

namespace Fos1.Testbed.Kubernetes;

/// <summary>
/// Paged lists (<c>limit</c> + <c>continue</c>): every page of one list comes from the snapshot the first page
/// was cut from, as with etcd; compaction forgets the snapshots, so an old continue token then answers 410 Expired.
/// </summary>
internal sealed class ListPages
{
    private readonly Dictionary<string, (long ResourceVersion, IReadOnlyList<string> Items)> snapshots = [];

    public sealed record Page(long ResourceVersion, IReadOnlyList<string> Items, string? Continue, int Remaining);

    public Page First(long resourceVersion, IReadOnlyList<string> items, int? limit)
    {
        if (limit is not > 0 || items.Count <= limit)
        {
            return new Page(resourceVersion, items, null, 0);
        }

        var id = Guid.NewGuid().ToString("N");
        snapshots[id] = (resourceVersion, items);
        return Cut(id, 0, limit.Value);
    }

    public Page Next(string token, int? limit)
    {
        string id;
        int offset;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            (id, offset) = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new ApiFailure(ApiStatus.BadRequest($"continue key is not valid: {token}"));
        }

        if (!snapshots.ContainsKey(id))
        {
            throw new ApiFailure(ApiStatus.Expired(
                "The provided continue parameter is too old to display a consistent list result. " +
                "You can start a new list without the continue parameter."));
        }

        return Cut(id, offset, limit is > 0 ? limit.Value : int.MaxValue);
    }

    public void Forget() => snapshots.Clear();

    private Page Cut(string id, int offset, int limit)
    {
        var (resourceVersion, items) = snapshots[id];
        var page = items.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count;
        if (next >= items.Count)
        {
            snapshots.Remove(id);
            return new Page(resourceVersion, page, null, 0);
        }

        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{next}")));
        return new Page(resourceVersion, page, token, items.Count - next);
    }
}
