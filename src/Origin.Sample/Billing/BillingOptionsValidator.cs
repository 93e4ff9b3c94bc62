using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Billing;

/// <summary>Refuses negative prices and allowances, all of them in one message, so a bad config fails start-up once.</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var errors = new List<string>();
        Check(errors, nameof(options.LambdaEdgePerMillionRequests), options.LambdaEdgePerMillionRequests);
        Check(errors, nameof(options.LambdaEdgePerGbSecond), options.LambdaEdgePerGbSecond);
        Check(errors, nameof(options.CloudFrontFunctionsPerMillionInvocations), options.CloudFrontFunctionsPerMillionInvocations);
        Check(errors, nameof(options.FreeRequests), options.FreeRequests);
        Check(errors, nameof(options.FreeGbSeconds), options.FreeGbSeconds);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string member, decimal value)
    {
        if (value < 0)
        {
            errors.Add($"{BillingOptions.SectionName}:{member} must not be negative (it is {value})");
        }
    }
}
