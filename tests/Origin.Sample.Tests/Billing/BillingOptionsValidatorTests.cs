using EdgeCompute.Origin.Sample.Billing;

namespace EdgeCompute.Origin.Sample.Tests.Billing;

public sealed class BillingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new BillingOptionsValidator().Validate(null, new BillingOptions()).Succeeded);
    }

    [Fact]
    public void Validate_NegativePriceAndAllowance_BothReported()
    {
        var result = new BillingOptionsValidator().Validate(null, new BillingOptions { LambdaEdgePerGbSecond = -1m, FreeRequests = -5 });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Billing:LambdaEdgePerGbSecond", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Billing:FreeRequests", StringComparison.Ordinal));
    }
}
