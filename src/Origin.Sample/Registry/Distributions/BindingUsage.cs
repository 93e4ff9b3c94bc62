using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>
/// Which of an account's distributions bind a function. Bindings only ever name functions of the
/// distribution's own account, so the account's distributions are all there is to search.
/// </summary>
internal static class BindingUsage
{
    public static async Task<IReadOnlyList<BoundAssociation>> FindAsync(IRegistrySession session, string accountId, string functionName,
        Func<string, bool> qualifierMatches, CancellationToken cancellationToken)
    {
        var found = new List<BoundAssociation>();
        foreach (var distribution in await session.Distributions.ListAsync(accountId, cancellationToken))
        {
            found.AddRange(All(distribution).Where(b => b.Binding.Name == functionName && qualifierMatches(b.Binding.Qualifier ?? "")));
        }
        return found;
    }

    public static IEnumerable<BoundAssociation> All(DistributionRecord distribution) =>
        from behavior in distribution.Document.CacheBehaviors
        from association in behavior.Functions
        select new BoundAssociation(distribution.Id, behavior.PathPattern ?? "", association.Key, association.Value);
}
