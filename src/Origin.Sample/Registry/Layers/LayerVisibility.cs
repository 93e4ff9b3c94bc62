namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary>Who may use a layer version besides its owner.</summary>
internal static class LayerVisibility
{
    public const string Private = "private";
    public const string Public = "public";

    /// <summary>The accounts listed in the permission.</summary>
    public const string Accounts = "accounts";

    public static bool IsKnown(string? value) => value is Private or Public or Accounts;
}
