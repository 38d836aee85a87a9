using System.Text.Json;

namespace LogParsing.Cli;

/// <summary>
/// <c>--state FILE</c>: where a read or a follow got to, saved as a <see cref="LogCheckpoint"/> in a small JSON file
/// (written to a temporary file and renamed, so a crash never leaves half a state), and resumed from on the next run.
/// Saved at most once a second and at the end, after the output is flushed: a crash repeats at most a second of lines,
/// never loses one (es-bulk's ids make a repeat harmless).
/// </summary>
internal sealed class StateFile(string path, TextWriter output)
{
    private LogCheckpoint? _pending;
    private long _due;

    public static System.CommandLine.Option<string?> Option() => new("--state")
    {
        Description = "Resume after the last line handled by the previous run with this state file, and save it as lines are handled (a log file, not the journal).",
    };

    /// <summary>For one log file: the journal has a cursor of its own, standard input no position, several paths several.</summary>
    public static void Check(Inputs.AuthSource source)
    {
        if (source.Journal || source.Files is not [var file] || file == "-")
            throw new CliUsageException("--state needs exactly one log file (not the journal, standard input or several paths).");
    }

    /// <summary>The saved checkpoint, or null when the state file does not exist yet (the first run).</summary>
    public LogCheckpoint? Load()
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            return new LogCheckpoint
            {
                Source = root.GetProperty("source").GetString() ?? throw new FormatException("no source"),
                Fingerprint = root.GetProperty("fingerprint").GetString() ?? throw new FormatException("no fingerprint"),
                ByteOffset = root.GetProperty("byte_offset").GetInt64(),
                Line = root.GetProperty("line").GetInt64(),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliUsageException($"--state {path}: not a state this tool saved ({ex.Message}); delete it to start again.");
        }
    }

    /// <summary>Remembers <paramref name="entry"/> as handled; saves when a second has passed since the last save.</summary>
    public void Handled(LogEntry entry)
    {
        if (LogCheckpoint.After(entry) is not { } checkpoint) return;
        _pending = checkpoint;
        var now = Environment.TickCount64;
        if (now < _due) return;
        Save();
        _due = now + 1000;
    }

    /// <summary>Saves what was handled last, after the output it produced.</summary>
    public void Save()
    {
        if (_pending is not { } checkpoint) return;
        output.Flush();
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", checkpoint.Source);
            json.WriteString("fingerprint", checkpoint.Fingerprint);
            json.WriteNumber("byte_offset", checkpoint.ByteOffset);
            json.WriteNumber("line", checkpoint.Line);
            json.WriteEndObject();
        }
        File.Move(temp, path, overwrite: true);
        _pending = null;
    }
}
