using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>Published versions: immutable copies of <c>$LATEST</c>, numbered upward and never renumbered.</summary>
internal sealed class VersionService(IRegistryStore store, FunctionService functions, TimeProvider time)
{
    /// <summary>The new version (created: true), or the newest one when nothing changed since it was published.</summary>
    public async Task<(VersionResponse Version, bool Created)> PublishAsync(AccountRecord caller, string name, string? description,
        CancellationToken cancellationToken)
    {
        var published = await CheckedWrite.RunAsync(store, $"function '{name}'",
            async ct =>
            {
                await using var read = await store.BeginAsync(write: false, ct);
                var function = await FunctionService.GetOwnAsync(read, caller, name, ct);
                return function.CodeSha256 is { } code && await UnchangedNewestAsync(read, function, ct) is null
                    ? await functions.CheckCodeAsync(code, function.Settings, ct)
                    : null;
            },
            async (session, passed, ct) =>
            {
                var function = await FunctionService.GetOwnAsync(session, caller, name, ct);
                if (function.CodeSha256 is null)
                {
                    throw RegistryProblemException.BadRequest(ErrorCodes.NoCode,
                        $"function '{name}' has no code to publish; upload it with PUT /v1/functions/{name}/code");
                }
                if (await UnchangedNewestAsync(session, function, ct) is { } newest)
                {
                    return new Published(VersionResponse.From(newest), false);
                }
                if (passed?.Covers(function.CodeSha256, function.Settings) != true)
                {
                    return null;
                }
                var version = new VersionRecord(caller.Id, name, function.LastVersion + 1, function.Settings, function.CodeSha256,
                    function.CodeSize ?? 0, description ?? function.Settings.Description, time.GetUtcNow());
                await session.Versions.InsertAsync(version, ct);
                await session.Functions.UpdateAsync(function with { LastVersion = version.Version }, ct);
                await session.BumpRevisionAsync(ct);
                await session.CommitAsync(ct);
                return new Published(VersionResponse.From(version), true);
            }, cancellationToken);
        return (published.Version, published.Created);
    }

    public async Task<VersionListResponse> ListAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        await FunctionService.GetOwnAsync(session, caller, name, cancellationToken);
        var versions = await session.Versions.ListAsync(caller.Id, name, cancellationToken);
        return new VersionListResponse(versions.Select(VersionResponse.From).ToList());
    }

    public async Task<VersionResponse> GetAsync(AccountRecord caller, string name, string version, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return VersionResponse.From(await GetOwnAsync(session, caller, name, version, cancellationToken));
    }

    public async Task DeleteAsync(AccountRecord caller, string name, string version, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var record = await GetOwnAsync(session, caller, name, version, cancellationToken);
        var number = record.Version.ToString(CultureInfo.InvariantCulture);
        var users = (await BindingUsage.FindAsync(session, caller.Id, name, q => q == number, cancellationToken))
            .Select(b => b.ToString())
            .Concat((await session.Aliases.ListAsync(caller.Id, name, cancellationToken))
                .Where(a => a.FunctionVersion == record.Version || a.AdditionalVersion == record.Version)
                .Select(a => $"alias {a.Name}"))
            .ToList();
        if (users.Count > 0)
        {
            throw RegistryProblemException.InUse($"version {number} of function '{name}'", users);
        }
        await session.Versions.DeleteAsync(caller.Id, name, record.Version, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>The newest version when <c>$LATEST</c> has neither new code nor new settings since it (publishing returns it), else null.</summary>
    private static async Task<VersionRecord?> UnchangedNewestAsync(IRegistrySession session, FunctionRecord function, CancellationToken cancellationToken) =>
        await session.Versions.GetNewestAsync(function.AccountId, function.Name, cancellationToken) is { } newest &&
        newest.CodeSha256 == function.CodeSha256 && newest.Settings.SameBehaviourAs(function.Settings)
            ? newest
            : null;

    private static async Task<VersionRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string name, string version,
        CancellationToken cancellationToken)
    {
        await FunctionService.GetOwnAsync(session, caller, name, cancellationToken);
        return ResourceNames.Version(version) is { } number && await session.Versions.GetAsync(caller.Id, name, number, cancellationToken) is { } found
            ? found
            : throw RegistryProblemException.NotFound(ErrorCodes.VersionNotFound, $"version '{version}' of function '{name}' not found");
    }

    /// <summary>What a publish answers: the version, and whether it is new.</summary>
    private sealed record Published(VersionResponse Version, bool Created);
}
