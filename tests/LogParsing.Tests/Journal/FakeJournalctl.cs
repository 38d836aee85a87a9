using System.Runtime.Versioning;

namespace LogParsing.Tests.Journal;

/// <summary>
/// A journalctl in a test's directory that prints a <c>journalctl -o json</c> capture, honouring <c>--after-cursor</c> as
/// journalctl(1) documents it ("start showing entries from the location in the journal after the location specified
/// by the passed cursor"; an unknown cursor is journalctl's own error and exit 1).
/// </summary>
internal static class FakeJournalctl
{
    /// <param name="dir">Where the script goes.</param>
    /// <param name="journal">The capture it prints (a test may append to it).</param>
    /// <param name="args">When given, the file its arguments are written to, one a line.</param>
    [UnsupportedOSPlatform("windows")]
    public static string Resuming(TempDir dir, string journal, string? args = null)
    {
        var path = Path.Combine(dir.Path, "journalctl");
        var record = args is null ? "" : $"printf '%s\\n' \"$@\" > '{args}'\n";
        File.WriteAllText(path, $$"""
            #!/bin/sh
            {{record}}cursor=
            for a in "$@"; do case "$a" in --after-cursor=*) cursor="${a#--after-cursor=}";; esac; done
            if [ -z "$cursor" ]; then cat '{{journal}}'; exit 0; fi
            n=$(grep -n -F "\"__CURSOR\":\"$cursor\"" '{{journal}}' | cut -d: -f1)
            if [ -z "$n" ]; then echo "Failed to seek to cursor: Invalid argument" >&2; exit 1; fi
            tail -n +$((n + 1)) '{{journal}}'
            """.Replace("\r", "", StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
