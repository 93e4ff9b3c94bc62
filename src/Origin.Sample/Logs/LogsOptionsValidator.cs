using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Logs;

/// <summary>Refuses a retention or cleanup interval that is not positive, all errors in one message.</summary>
internal sealed class LogsOptionsValidator : IValidateOptions<LogsOptions>
{
    public ValidateOptionsResult Validate(string? name, LogsOptions options)
    {
        var errors = new List<string>();
        if (options.RetentionDays < 1)
        {
            errors.Add($"{LogsOptions.SectionName}:RetentionDays must be at least 1 day (it is {options.RetentionDays})");
        }
        if (options.CleanupInterval <= TimeSpan.Zero)
        {
            errors.Add($"{LogsOptions.SectionName}:CleanupInterval must be positive (it is {options.CleanupInterval})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
