namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>Where the node's configuration lives; bound from <c>--config</c> / <c>EdgeNode:ConfigPath</c>.</summary>
public sealed class EdgeNodeOptions
{
    public string ConfigPath { get; set; } = "config/edge.json";

    /// <summary>Changes to the config file or function folders apply after this quiet period (editors write in bursts).</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(300);
}
