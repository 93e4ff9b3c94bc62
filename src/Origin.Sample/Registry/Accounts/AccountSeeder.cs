using System.Text.RegularExpressions;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>Creates the accounts of <c>Registry:Accounts</c>; running it again only renames them and replaces their keys.</summary>
internal static partial class AccountSeeder
{
    [GeneratedRegex("^[0-9]{12}$")]
    public static partial Regex AccountId();

    public static async Task SeedAsync(IAccountRepository accounts, IEnumerable<SeedAccountOptions> seeds, CancellationToken cancellationToken)
    {
        foreach (var seed in seeds)
        {
            // A bad seed is an operator's mistake in configuration: fail start-up loudly rather than serve without it.
            if (!AccountId().IsMatch(seed.Id) || string.IsNullOrEmpty(seed.ApiKey))
            {
                throw new InvalidOperationException(
                    $"Registry:Accounts: account '{seed.Id}' needs a 12-digit id and an apiKey.");
            }
            await accounts.UpsertAsync(new AccountRecord(seed.Id, string.IsNullOrEmpty(seed.Name) ? seed.Id : seed.Name),
                ApiKeys.Hash(seed.ApiKey), cancellationToken);
        }
    }
}
