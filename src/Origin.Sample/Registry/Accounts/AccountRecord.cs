namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>A tenant: everything it owns is keyed by <see cref="Id"/>.</summary>
internal sealed record AccountRecord(string Id, string Name);
