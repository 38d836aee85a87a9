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
        Description = "Resume after the last line handled by the previous run with this state file, and save it as lines are handled (one log file, or the journal's cursor with --journal).",
    };

    /// <summary>For one log file or the journal: standard input has no position, several paths several.</summary>
    public static void Check(Inputs.AuthSource source)
    {
        if (!source.Journal && (source.Files is not [var file] || file == "-"))
            throw new CliUsageException("--state needs exactly one log file, or --journal (not standard input or several paths).");
    }

    /// <summary>
    /// The saved checkpoint, or null when the state file does not exist yet (the first run). A log file's state has
    /// <c>source</c>, <c>fingerprint</c>, <c>byte_offset</c> and <c>line</c>; the journal's has <c>cursor</c> instead
    /// (a state saved before the journal could resume has no <c>cursor</c>, and still reads as a file's).
    /// </summary>
    public LogCheckpoint? Load()
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.TryGetProperty("cursor", out var cursor))
                return LogCheckpoint.InJournal(cursor.GetString() is { Length: > 0 } value ? value : throw new FormatException("an empty cursor"));
            return LogCheckpoint.InFile(
                root.GetProperty("source").GetString() ?? throw new FormatException("no source"),
                root.GetProperty("fingerprint").GetString() ?? throw new FormatException("no fingerprint"),
                root.GetProperty("byte_offset").GetInt64(),
                root.GetProperty("line").GetInt64());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new CliUsageException($"--state {path}: not a state this tool saved ({ex.Message}); delete it to start again.");
        }
    }

    /// <summary>Refuses a state of the other kind before anything is read: a file's state for the journal, or the reverse.</summary>
    public static void CheckKind(string path, LogCheckpoint? checkpoint, bool journal)
    {
        if (checkpoint is null || checkpoint.IsJournal == journal) return;
        throw new CliUsageException(journal
            ? $"--state {path} holds a place in the log file {checkpoint.Source}, not a journal cursor: use another state file for --journal."
            : $"--state {path} holds a journal cursor: use it with --journal, or another state file for a log file.");
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
            if (checkpoint.Cursor is { } cursor)
            {
                json.WriteString("cursor", cursor);
            }
            else
            {
                json.WriteString("source", checkpoint.Source);
                json.WriteString("fingerprint", checkpoint.Fingerprint);
                json.WriteNumber("byte_offset", checkpoint.ByteOffset);
                json.WriteNumber("line", checkpoint.Line);
            }
            json.WriteEndObject();
        }
        File.Move(temp, path, overwrite: true);
        _pending = null;
    }
}
