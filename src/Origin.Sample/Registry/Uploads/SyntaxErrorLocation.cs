using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>One syntax error of an upload, where the user's editor will find it.</summary>
internal sealed partial record SyntaxErrorLocation(string File, int Line, int Column, string Message)
{
    // The node's checker wraps each file in a CommonJS function header on the file's first line.
    private const int WrapperLength = 61;

    /// <summary>Both engines end the message with <c>(file:line:column)</c>, as V8 words it.</summary>
    [GeneratedRegex(@"^(?<message>.*) \((?<file>.*):(?<line>\d+):(?<column>\d+)\)$", RegexOptions.Singleline)]
    private static partial Regex Located();

    public static SyntaxErrorLocation From(string file, string checkerMessage)
    {
        var match = Located().Match(checkerMessage);
        if (!match.Success)
        {
            return new SyntaxErrorLocation(file, 0, 0, checkerMessage);
        }
        var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture);
        if (line == 1 && column > WrapperLength)
        {
            column -= WrapperLength;
        }
        return new SyntaxErrorLocation(file, line, column, match.Groups["message"].Value);
    }
}
