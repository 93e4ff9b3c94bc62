namespace EdgeCompute.EdgeNode.Admin;

/// <summary>The node's admin listener; bound from the <c>Admin</c> section of edge.json.</summary>
public sealed class AdminOptions
{
    /// <summary>Where the admin API listens, apart from viewer traffic (e.g. <c>http://127.0.0.1:8090</c>). Empty: no admin listener.</summary>
    public string? Urls { get; set; }

    /// <summary>The bearer token every admin request must carry (<c>Authorization: Bearer …</c>). Required when <see cref="Urls"/> is set.</summary>
    public string? Token { get; set; }
}
