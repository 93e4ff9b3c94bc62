using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Blobs;
using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;
using EdgeCompute.Origin.Sample.Registry.Uploads;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>Functions and their <c>$LATEST</c>: create, change settings, upload code, read, delete.</summary>
internal sealed class FunctionService(IRegistryStore store, IBlobStore blobs, CodeUploadReader uploads, TimeProvider time)
{
    public async Task<FunctionResponse> CreateAsync(AccountRecord caller, FunctionSettingsRequest request, CancellationToken cancellationToken)
    {
        var name = ResourceNames.Check("function", request.Name);
        var settings = request.ApplyTo(new FunctionSettings());
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        if (await session.Functions.GetAsync(caller.Id, name, cancellationToken) is not null)
        {
            throw RegistryProblemException.Conflict(ErrorCodes.ResourceConflict, $"function '{name}' already exists");
        }
        await FunctionSettingsValidator.ValidateAsync(settings, caller.Id, session, cancellationToken);
        var function = new FunctionRecord(caller.Id, name, settings, null, null, time.GetUtcNow(), 0);
        await session.Functions.InsertAsync(function, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return FunctionResponse.From(function);
    }

    public async Task<FunctionListResponse> ListAsync(AccountRecord caller, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var functions = await session.Functions.ListAsync(caller.Id, cancellationToken);
        return new FunctionListResponse(functions.Select(FunctionResponse.From).ToList());
    }

    public async Task<FunctionResponse> GetAsync(AccountRecord caller, string name, CancellationToken cancellationToken) =>
        FunctionResponse.From(await ReadOwnAsync(caller, name, cancellationToken));

    public async Task<FunctionResponse> PatchAsync(AccountRecord caller, string name, FunctionSettingsRequest request, CancellationToken cancellationToken)
    {
        if (request.Name is not null && request.Name != name)
        {
            throw RegistryProblemException.Invalid("a function cannot be renamed; create a new one");
        }
        var changed = await CheckedWrite.RunAsync(store, $"function '{name}'",
            async ct =>
            {
                await using var read = await store.BeginAsync(write: false, ct);
                var candidate = await ApplyAsync(read, caller, name, request, ct);
                // The nodes will load the existing code with the new settings (e.g. another handler) at once.
                return await BoundLatestGuard.CheckAsync(read, candidate, ct)
                    ? await CheckCodeAsync(candidate.CodeSha256!, candidate.Settings, ct)
                    : null;
            },
            async (session, passed, ct) =>
            {
                var changed = await ApplyAsync(session, caller, name, request, ct);
                if (await BoundLatestGuard.CheckAsync(session, changed, ct))
                {
                    if (passed?.Covers(changed.CodeSha256, changed.Settings) != true)
                    {
                        return null;
                    }
                    await session.BumpRevisionAsync(ct);
                }
                await session.Functions.UpdateAsync(changed, ct);
                await session.CommitAsync(ct);
                return changed;
            }, cancellationToken);
        return FunctionResponse.From(changed);
    }

    public async Task<FunctionResponse> UploadCodeAsync(AccountRecord caller, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        // Refuse an unknown function before reading (or fetching) a large body.
        await ReadOwnAsync(caller, name, cancellationToken);
        var zip = await uploads.ReadAsync(request, allowUrl: true, cancellationToken);
        var contents = uploads.Inspect(zip);
        var changed = await CheckedWrite.RunAsync(store, $"function '{name}'",
            async ct =>
            {
                var settings = (await ReadOwnAsync(caller, name, ct)).Settings;
                CodeChecker.CheckFunction(contents, settings);
                // Stored before the write references it; the blob collector's grace period covers the gap.
                return CheckedCode.For(await blobs.PutAsync(zip, ct), settings);
            },
            async (session, passed, ct) =>
            {
                var function = await GetOwnAsync(session, caller, name, ct);
                if (!passed.Covers(passed.Sha256, function.Settings))
                {
                    return null;
                }
                var changed = function with { CodeSha256 = passed.Sha256, CodeSize = zip.Length, LastModified = time.GetUtcNow() };
                if (await BoundLatestGuard.CheckAsync(session, changed, ct))
                {
                    await session.BumpRevisionAsync(ct);
                }
                await session.Functions.UpdateAsync(changed, ct);
                await session.CommitAsync(ct);
                return changed;
            }, cancellationToken);
        return FunctionResponse.From(changed);
    }

    public async Task DeleteAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await GetOwnAsync(session, caller, name, cancellationToken);
        var bindings = await BindingUsage.FindAsync(session, caller.Id, name, _ => true, cancellationToken);
        if (bindings.Count > 0)
        {
            throw RegistryProblemException.InUse($"function '{name}'", bindings.Select(b => b.ToString()).ToList());
        }
        await session.Functions.DeleteAsync(caller.Id, name, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Runs the upload checks again on stored code, with the settings it is about to run with.</summary>
    public async Task<CheckedCode> CheckCodeAsync(string sha256, FunctionSettings settings, CancellationToken cancellationToken)
    {
        var zip = await blobs.GetAsync(sha256, cancellationToken)
            ?? throw new InvalidOperationException($"blob {sha256} is missing from the blob store");
        CodeChecker.CheckFunction(uploads.Inspect(zip), settings);
        return CheckedCode.For(sha256, settings);
    }

    /// <summary>The function with the request's settings applied and validated, not stored.</summary>
    private async Task<FunctionRecord> ApplyAsync(IRegistrySession session, AccountRecord caller, string name, FunctionSettingsRequest request,
        CancellationToken cancellationToken)
    {
        var function = await GetOwnAsync(session, caller, name, cancellationToken);
        var settings = request.ApplyTo(function.Settings);
        await FunctionSettingsValidator.ValidateAsync(settings, caller.Id, session, cancellationToken);
        return function with { Settings = settings, LastModified = time.GetUtcNow() };
    }

    private async Task<FunctionRecord> ReadOwnAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var read = await store.BeginAsync(write: false, cancellationToken);
        return await GetOwnAsync(read, caller, name, cancellationToken);
    }

    /// <summary>The caller's function; another account's is as missing as one that never existed.</summary>
    public static async Task<FunctionRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string name, CancellationToken cancellationToken) =>
        await session.Functions.GetAsync(caller.Id, name, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"function '{name}' not found");
}
