using System.Globalization;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// What a Lambda@Edge-style function finds in <c>process</c>: its environment variables with those
/// the Lambda runtime sets, and the Node.js version of its runtime. Built once per isolate (it goes
/// into the bridge's <c>init</c>), never per invocation.
/// </summary>
internal static class LambdaEnvironment
{
    /// <summary>The Node.js release each runtime reports as <c>process.version</c> (a recent one of its line).</summary>
    public static string NodeVersion(string runtime) => runtime switch
    {
        "nodejs16.x" => "16.20.2",
        "nodejs18.x" => "18.20.8",
        "nodejs22.x" => "22.14.0",
        _ => "20.19.0",
    };

    /// <summary>
    /// The variables in Lambda's order of precedence: the runtime's defaults that a function may
    /// change (TZ, LANG, PATH), then the function's own, then the reserved ones, which always win.
    /// </summary>
    public static Dictionary<string, string> Variables(FunctionModel function, string region, string handler,
        string logGroupName, string logStreamName)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TZ"] = ":UTC",
            ["LANG"] = "en_US.UTF-8",
            ["PATH"] = "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin",
        };
        foreach (var (key, value) in function.Environment)
        {
            env[key] = value;
        }
        env["AWS_REGION"] = region;
        env["AWS_DEFAULT_REGION"] = region;
        env["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        env["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = function.Version;
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = logGroupName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName;
        env["LAMBDA_TASK_ROOT"] = "/var/task";
        env["LAMBDA_RUNTIME_DIR"] = "/var/runtime";
        env["_HANDLER"] = handler;
        return env;
    }
}
