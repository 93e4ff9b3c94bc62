using System.Security.Cryptography;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>Distributions and their bindings. Every accepted change is one the nodes can load.</summary>
internal sealed class DistributionService(IRegistryStore store, TimeProvider time)
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary><c>E</c> and 13 characters, the shape of CloudFront's ids.</summary>
    public static string NewId() => "E" + RandomNumberGenerator.GetString(IdAlphabet, 13);

    public async Task<(DistributionDocument Distribution, bool Created)> PutAsync(AccountRecord caller, string id, DistributionDocument document,
        CancellationToken cancellationToken)
    {
        if (!ResourceNames.IsDistributionId(id))
        {
            throw RegistryProblemException.Invalid($"distribution id '{id}' must be 1–32 upper-case letters or digits");
        }
        if (document.Id is not null && document.Id != id)
        {
            throw RegistryProblemException.Invalid($"the body's id '{document.Id}' differs from '{id}' in the URL");
        }
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var existing = await session.Distributions.GetAsync(caller.Id, id, cancellationToken);
        if (existing is null && await session.Distributions.FindOwnerAsync(id, cancellationToken) is not null)
        {
            throw RegistryProblemException.Conflict(ErrorCodes.ResourceConflict, $"distribution id '{id}' is taken; choose another");
        }
        var saved = await SaveAsync(session, caller, document with { Id = id }, cancellationToken);
        return (saved, existing is null);
    }

    /// <summary>Creates a distribution under the body's id, or a new <see cref="NewId"/> when it has none.</summary>
    public async Task<DistributionDocument> CreateAsync(AccountRecord caller, DistributionDocument document, CancellationToken cancellationToken)
    {
        var id = document.Id ?? NewId();
        var (saved, created) = await PutAsync(caller, id, document with { Id = id }, cancellationToken);
        return created ? saved : throw RegistryProblemException.Conflict(ErrorCodes.ResourceConflict,
            $"distribution '{id}' already exists; change it with PUT /v1/distributions/{id}");
    }

    public async Task<DistributionListResponse> ListAsync(AccountRecord caller, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var distributions = await session.Distributions.ListAsync(caller.Id, cancellationToken);
        return new DistributionListResponse(distributions.Select(d => d.Document).ToList());
    }

    public async Task<DistributionDocument> GetAsync(AccountRecord caller, string id, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return (await GetOwnAsync(session, caller, id, cancellationToken)).Document;
    }

    public async Task DeleteAsync(AccountRecord caller, string id, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await GetOwnAsync(session, caller, id, cancellationToken);
        await session.Distributions.DeleteAsync(caller.Id, id, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public async Task<DistributionDocument> AddBindingAsync(AccountRecord caller, string id, BindingRequest request, CancellationToken cancellationToken)
    {
        var eventName = request.Event ?? throw RegistryProblemException.Invalid("a binding needs an event");
        BindingRules.ParseEvent(eventName);
        var binding = new FunctionBinding { Name = request.Name, Qualifier = request.Qualifier, IncludeBody = request.IncludeBody };
        return await ChangeBehaviorAsync(caller, id, request.PathPattern, functions => functions[eventName] = binding, cancellationToken);
    }

    public Task<DistributionDocument> RemoveBindingAsync(AccountRecord caller, string id, string? pathPattern, string? eventName,
        CancellationToken cancellationToken) =>
        ChangeBehaviorAsync(caller, id, pathPattern, functions =>
        {
            if (eventName is null || !functions.Remove(eventName))
            {
                throw RegistryProblemException.NotFound($"nothing is bound to {eventName} on pathPattern '{pathPattern}' of distribution '{id}'");
            }
        }, cancellationToken);

    private async Task<DistributionDocument> ChangeBehaviorAsync(AccountRecord caller, string id, string? pathPattern,
        Action<Dictionary<string, FunctionBinding>> change, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        var document = (await GetOwnAsync(session, caller, id, cancellationToken)).Document;
        var index = document.CacheBehaviors.ToList().FindIndex(b => b.PathPattern == pathPattern);
        if (index < 0)
        {
            throw RegistryProblemException.NotFound($"distribution '{id}' has no cache behaviour with pathPattern '{pathPattern}'");
        }
        var behaviors = document.CacheBehaviors.ToList();
        var functions = new Dictionary<string, FunctionBinding>(behaviors[index].Functions, StringComparer.Ordinal);
        change(functions);
        behaviors[index] = behaviors[index] with { Functions = functions };
        return await SaveAsync(session, caller, document with { CacheBehaviors = behaviors }, cancellationToken);
    }

    /// <summary>Checks the whole distribution as the node will, claims its host names, stores it and commits.</summary>
    private async Task<DistributionDocument> SaveAsync(IRegistrySession session, AccountRecord caller, DistributionDocument document,
        CancellationToken cancellationToken)
    {
        if (document.Default)
        {
            throw RegistryProblemException.Invalid("default: true is refused: the catch-all distribution of a shared node belongs to its operator");
        }
        document = document with { DomainName = string.IsNullOrEmpty(document.DomainName) ? $"{document.Id!.ToLowerInvariant()}.edge.local" : document.DomainName };
        DistributionValidator.Validate(document);
        var taken = await session.Distributions.FindTakenHostsAsync(document.HostNames().ToList(), document.Id!, cancellationToken);
        if (taken.Count > 0)
        {
            throw RegistryProblemException.Conflict(ErrorCodes.CnameAlreadyExists,
                $"host name(s) {string.Join(", ", taken)} already belong to another distribution");
        }
        foreach (var behavior in document.CacheBehaviors)
        {
            foreach (var (eventName, binding) in behavior.Functions)
            {
                foreach (var target in await BindingResolver.ResolveAsync(session, caller.Id, binding, document.Development, cancellationToken))
                {
                    BindingRules.Check(eventName, binding.IncludeBody, target);
                }
            }
        }
        await session.Distributions.UpsertAsync(new DistributionRecord(document.Id!, caller.Id, document, time.GetUtcNow()), cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
        return document;
    }

    private static async Task<DistributionRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string id,
        CancellationToken cancellationToken) =>
        await session.Distributions.GetAsync(caller.Id, id, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"distribution '{id}' not found");
}
