using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Blobs;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;
using EdgeCompute.Origin.Sample.Registry.Uploads;

namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary>Layers: immutable versions of shared packages, private until their owner shares them.</summary>
internal sealed class LayerService(IRegistryStore store, IBlobStore blobs, CodeUploadReader uploads, TimeProvider time)
{
    public async Task<LayerVersionResponse> PublishAsync(AccountRecord caller, string name, string? description, HttpRequest request,
        CancellationToken cancellationToken)
    {
        ResourceNames.Check("layer", name);
        var zip = await uploads.ReadAsync(request, allowUrl: false, cancellationToken);
        CodeChecker.CheckLayer(uploads.Inspect(zip));
        var sha256 = await blobs.PutAsync(zip, cancellationToken);
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var version = await session.Layers.NextVersionAsync(caller.Id, name, cancellationToken);
        var layer = new LayerVersionRecord(caller.Id, name, version, sha256, zip.Length, description ?? "", LayerVisibility.Private, [],
            time.GetUtcNow());
        await session.Layers.InsertVersionAsync(layer, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return LayerVersionResponse.From(layer, caller.Id);
    }

    /// <summary>The newest version of each layer the caller owns or may use.</summary>
    public async Task<LayerListResponse> ListAsync(AccountRecord caller, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var usable = await session.Layers.ListUsableAsync(caller.Id, cancellationToken);
        var newest = usable.GroupBy(l => (l.AccountId, l.Name)).Select(g => g.MaxBy(l => l.Version)!);
        return new LayerListResponse(newest.Select(l => LayerVersionResponse.From(l, caller.Id)).ToList());
    }

    public async Task<LayerVersionListResponse> ListVersionsAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var versions = await session.Layers.ListVersionsAsync(caller.Id, name, cancellationToken);
        return versions.Count > 0
            ? new LayerVersionListResponse(versions.Select(l => LayerVersionResponse.From(l, caller.Id)).ToList())
            : throw RegistryProblemException.NotFound(ErrorCodes.LayerNotFound, $"layer '{name}' not found");
    }

    public async Task<LayerVersionResponse> GetVersionAsync(AccountRecord caller, string name, string version, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return LayerVersionResponse.From(await GetOwnAsync(session, caller, name, version, cancellationToken), caller.Id);
    }

    public async Task<LayerVersionResponse> SetPermissionAsync(AccountRecord caller, string name, string version, LayerPermissionRequest request,
        CancellationToken cancellationToken)
    {
        var visibility = request.Visibility;
        if (!LayerVisibility.IsKnown(visibility))
        {
            throw RegistryProblemException.Invalid($"visibility '{visibility}' is not one of private, public, accounts");
        }
        var accounts = (request.Accounts ?? []).Distinct().ToList();
        if (visibility == LayerVisibility.Accounts &&
            (accounts.Count == 0 || accounts.Any(a => !AccountSeeder.AccountId().IsMatch(a))))
        {
            throw RegistryProblemException.Invalid("visibility 'accounts' needs a list of 12-digit account ids");
        }
        if (visibility != LayerVisibility.Accounts && accounts.Count > 0)
        {
            throw RegistryProblemException.Invalid($"accounts are listed only with visibility 'accounts', not '{visibility}'");
        }
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var layer = await GetOwnAsync(session, caller, name, version, cancellationToken);
        await session.Layers.UpdatePermissionAsync(caller.Id, name, layer.Version, visibility!, accounts, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
        return LayerVersionResponse.From(layer with { Visibility = visibility!, Accounts = accounts }, caller.Id);
    }

    public async Task DeleteVersionAsync(AccountRecord caller, string name, string version, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var layer = await GetOwnAsync(session, caller, name, version, cancellationToken);
        var users = await session.Functions.ListUsingLayerAsync(layer.Arn, cancellationToken);
        if (users.Count > 0)
        {
            // Other tenants' function names are theirs: they are counted, never named.
            var names = users.Where(u => u.AccountId == caller.Id).Select(u => $"function {u}").ToList();
            var others = users.Where(u => u.AccountId != caller.Id).Select(u => (u.AccountId, u.FunctionName)).Distinct().Count();
            if (others > 0)
            {
                names.Add(string.Create(CultureInfo.InvariantCulture, $"{others} function(s) of other accounts"));
            }
            throw RegistryProblemException.InUse($"layer version {layer.Arn}", names);
        }
        await session.Layers.DeleteVersionAsync(caller.Id, name, layer.Version, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private static async Task<LayerVersionRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string name, string version,
        CancellationToken cancellationToken) =>
        ResourceNames.Version(version) is { } number && await session.Layers.GetVersionAsync(caller.Id, name, number, cancellationToken) is { } layer
            ? layer
            : throw RegistryProblemException.NotFound(ErrorCodes.LayerNotFound, $"layer '{name}' version '{version}' not found");
}
