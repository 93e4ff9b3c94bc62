namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// One fetch from the origin in flight (Varnish's busy object): viewers that miss on the same key
/// while it runs wait for its head instead of fetching again. Lives until its body is complete.
/// </summary>
internal sealed class OriginFetch
{
    private readonly TaskCompletionSource<FetchHead> _head = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OriginFetch(string key, bool shared)
    {
        Key = key;
        Shared = shared;
        StarterReader = Body.OpenReader();
    }

    /// <summary>The body reader of the viewer that started the fetch, open from the first byte.</summary>
    public BodyBuffer.Reader StarterReader { get; }

    public string Key { get; }

    /// <summary>Registered for collapsing; an unshared fetch serves only the viewer that made it.</summary>
    public bool Shared { get; }

    public BodyBuffer Body { get; } = new();

    public Task<FetchHead> Head => _head.Task;

    public bool HeadPublished => _head.Task.IsCompleted;

    public void Publish(FetchHead head) => _head.TrySetResult(head);

    private int _finished;

    /// <summary>True the first time only: the fetch's end (store, complete) happens once.</summary>
    public bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;
}
