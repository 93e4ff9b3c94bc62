using System.Diagnostics;
using System.Net;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// The real edge node (EdgeNode.dll next to the tests) in its own process, as operators run it: so
/// that a test can kill it outright (SIGKILL) and start it again on the same port and files.
/// </summary>
internal sealed class EdgeNodeProcess : IAsyncDisposable
{
    private readonly string _configPath;
    private readonly List<string> _lines = [];
    private Process? _process;

    private EdgeNodeProcess(string configPath, int port)
    {
        _configPath = configPath;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>Every line the node wrote to stdout and stderr, across its restarts.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    /// <summary>Starts a node on a free port with the config file <paramref name="configPath"/>.</summary>
    public static EdgeNodeProcess Start(string configPath)
    {
        var node = new EdgeNodeProcess(configPath, LoopbackPort.Free());
        node.StartAgain();
        return node;
    }

    public void StartAgain()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_configPath)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EdgeNode.dll"));
        foreach (var arg in (string[])["--config", _configPath, "--urls", $"http://127.0.0.1:{Port}"])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine's OOM killer or an operator's kill -9 stops it.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>Waits until GET <paramref name="path"/> answers as <paramref name="accept"/> wants; fails with the node's output after a minute.</summary>
    public async Task<string> GetUntilAsync(string path, Func<HttpStatusCode, string, bool> accept)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (accept(response.StatusCode, body))
                {
                    return body;
                }
                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"GET {path} on port {Port} never gave the expected answer; last: {last}\nOutput:\n{string.Join('\n', Lines.TakeLast(60))}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_process is { } process)
        {
            _process = null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
