namespace Fos1.Kubernetes.Clients;

/// <summary>The <c>type</c> of one watch event, as the API server names it (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR).</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
