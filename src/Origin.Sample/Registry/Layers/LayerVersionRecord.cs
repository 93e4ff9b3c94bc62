namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary>An immutable layer version and who may use it.</summary>
internal sealed record LayerVersionRecord(
    string AccountId,
    string Name,
    int Version,
    string CodeSha256,
    long CodeSize,
    string Description,
    string Visibility,
    IReadOnlyList<string> Accounts,
    DateTimeOffset Created)
{
    public string Arn => LayerArn.Format(AccountId, Name, Version);

    /// <summary>Another account may use a layer only when it is public or shared with it by id.</summary>
    public bool UsableBy(string accountId) =>
        accountId == AccountId || Visibility == LayerVisibility.Public ||
        (Visibility == LayerVisibility.Accounts && Accounts.Contains(accountId));
}
