namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>
/// Wakes long-polling nodes when a change commits. A waiter takes <see cref="NextChange"/> before
/// it reads the revision, so a change committed in between still completes the task it holds.
/// One per process: with several registry instances, a PostgreSQL store would feed it from
/// LISTEN/NOTIFY instead.
/// </summary>
internal sealed class RevisionSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Notify()
    {
        var completed = Interlocked.Exchange(ref _next, NewSource());
        completed.TrySetResult();
    }

    // Continuations run off the committing request's thread, so a write never waits for the pollers it wakes.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
