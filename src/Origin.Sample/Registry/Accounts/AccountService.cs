using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>Creates accounts over HTTP (admin key): a fresh id and an API key shown only in the answer.</summary>
internal sealed class AccountService(IRegistryStore store)
{
    public async Task<CreatedAccountResponse> CreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        string id;
        do
        {
            id = ApiKeys.NewAccountId();
        }
        while (await session.Accounts.GetAsync(id, cancellationToken) is not null);
        var key = ApiKeys.Generate();
        await session.Accounts.UpsertAsync(new AccountRecord(id, name), ApiKeys.Hash(key), cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new CreatedAccountResponse(id, name, key);
    }
}

/// <summary>The body of <c>POST /v1/accounts</c>.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed record CreateAccountRequest
{
    public string? Name { get; init; }
}

/// <summary>The answer to <c>POST /v1/accounts</c>: the only time the key is shown.</summary>
internal sealed record CreatedAccountResponse(string Id, string Name, string ApiKey);
