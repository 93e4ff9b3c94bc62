namespace EdgeCompute.Origin.Sample.Content;

/// <summary>The HTML shell shared by every page, so pages only supply their own content.</summary>
internal static class SiteLayout
{
    /// <param name="title">Plain text; encoded here.</param>
    /// <param name="mainHtml">Already-encoded HTML for the page body.</param>
    public static string Render(string title, string mainHtml)
    {
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>{encodedTitle} - EdgeCompute Sample Origin</title>
              <link rel="stylesheet" href="/static/site.css">
              <script src="/static/app.js" defer></script>
            </head>
            <body>
              <nav>
                <a href="/">Home</a>
                <a href="/about.html">About</a>
                <a href="/products/1.html">Products</a>
                <a href="/api/products">API</a>
              </nav>
              <main>
                <h1>{encodedTitle}</h1>
            {mainHtml}
              </main>
            </body>
            </html>

            """;
    }
}
