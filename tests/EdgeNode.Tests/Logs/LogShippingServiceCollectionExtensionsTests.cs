using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCompute.EdgeNode.Tests.Logs;

/// <summary>When function logs are shipped: with a regional origin, unless <c>Logs:Enabled</c> is false.</summary>
public sealed class LogShippingServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:1", null, true)]
    [InlineData("http://127.0.0.1:1", "true", true)]
    [InlineData("http://127.0.0.1:1", "false", false)]
    public void AddLogShipping_RegionalAndLogsEnabled_ShipsOnlyWhenBoth(string? regionalUrl, string? logsEnabled, bool ships)
    {
        var settings = new Dictionary<string, string?> { ["Regional:NodeKey"] = "k" };
        if (regionalUrl is not null)
        {
            settings["Regional:Url"] = regionalUrl;
        }
        if (logsEnabled is not null)
        {
            settings["Logs:Enabled"] = logsEnabled;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();

        services.AddLogShipping(configuration);

        Assert.Equal(ships, services.Any(d => d.ServiceType == typeof(IFunctionLogLineQueue)));
        Assert.Equal(ships, services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LogShipperService)));
    }
}
