using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>
/// Runs an operation whose code checks (unzip, compile: up to seconds on V8) must not hold the
/// store's write lock, which every writer of the registry queues behind. <c>check</c> reads what
/// it needs in its own read session and runs the checks; <c>write</c> runs in the write session,
/// reads again and answers null when what was checked has changed meanwhile: then both run again.
/// </summary>
internal static class CheckedWrite
{
    // Losing this many races in a row means the function is being changed nonstop; the caller may retry.
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<TChecked, T>(IRegistryStore store, string what,
        Func<CancellationToken, Task<TChecked>> check,
        Func<IRegistrySession, TChecked, CancellationToken, Task<T?>> write,
        CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var passed = await check(cancellationToken);
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            if (await write(session, passed, cancellationToken) is { } result)
            {
                return result;
            }
        }
        throw RegistryProblemException.Conflict(ErrorCodes.ResourceConflict,
            $"{what} changed while its code was being checked, {MaxAttempts} times in a row; try again");
    }
}
