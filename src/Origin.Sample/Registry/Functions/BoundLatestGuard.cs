using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>
/// A change to <c>$LATEST</c> reaches the nodes at once where a development distribution binds it:
/// the new code and settings must pass the bindings' event rules, and the revision moves.
/// </summary>
internal static class BoundLatestGuard
{
    /// <summary>Checks the changed function against its <c>$LATEST</c> bindings; true when there are any.</summary>
    public static async Task<bool> CheckAsync(IRegistrySession session, FunctionRecord changed, CancellationToken cancellationToken)
    {
        var bindings = await BindingUsage.FindAsync(session, changed.AccountId, changed.Name, q => q == ResourceNames.Latest, cancellationToken);
        if (bindings.Count == 0)
        {
            return false;
        }
        var target = await BindingResolver.LatestAsync(session, changed, cancellationToken);
        foreach (var bound in bindings)
        {
            BindingRules.Check(bound.Event, bound.Binding.IncludeBody, target);
        }
        return true;
    }
}
