using System.Text.RegularExpressions;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// A CloudFront Function's single file as the CommonJS loader runs it: a top-level
/// <c>import x from 'y'</c> line (2.0 only) becomes <c>const x = require('y');</c> on the same line, and
/// the top-level <c>function handler(event)</c> is exported as <c>handler</c>. Line numbers are kept.
/// </summary>
public static partial class CloudFrontFunctionSource
{
    [GeneratedRegex("""^[ \t]*import[ \t]+([A-Za-z_$][\w$]*)[ \t]+from[ \t]+(['"])([^'"\r\n]+)\2[ \t]*;?[ \t]*$""", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    public static string Transform(string source, string runtime)
    {
        if (runtime == "cloudfront-js-2.0")
        {
            source = ImportLine().Replace(source, m => $"const {m.Groups[1].Value} = require('{m.Groups[3].Value}');");
        }
        return source + "\n;if (typeof handler === 'function') { module.exports.handler = handler; }";
    }
}
