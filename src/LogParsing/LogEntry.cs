namespace LogParsing;

/// <summary>
/// What every entry of a log has: when it was written, where, its message and where it was read. The entries of auth
/// logs (<see cref="AuthLogEntry"/>) and of fail2ban's log (<see cref="Fail2BanEntry"/>) add what their lines carry, so
/// analyses that merge both by time (detections) see one shape.
/// </summary>
public abstract record LogEntry
{
    /// <summary>
    /// When the line was written. For stamps without a year (<c>May 31 07:07:22</c>) the year is inferred (see
    /// <see cref="YearWasInferred"/>); stamps without an offset are read in <see cref="LogReaderOptions.TimeZone"/>.
    /// </summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True when the line wrote no year and <see cref="Timestamp"/>'s year was inferred.</summary>
    public bool YearWasInferred { get; init; }

    /// <summary>The host field of the syslog header, or null when the line has none (fail2ban.log writes none).</summary>
    public string? Host { get; init; }

    /// <summary>The message: for auth logs the text after <c>program[pid]: </c>, for fail2ban's log the text after the level; for a malformed line, the whole raw line.</summary>
    public required string Message { get; init; }

    /// <summary>Source file and 1-based line number (of the first line, for an entry that folded continuation lines).</summary>
    public LogPosition Position { get; init; }

    /// <summary>
    /// How many continuation lines were folded into this entry (a Python traceback after a fail2ban record, the
    /// indented rest of a journal message); 0 for an entry of one line. Counts the lines cut by the fold limit too.
    /// </summary>
    public long ContinuationLines
    {
        get => RareOrNone.ContinuationLines;
        init
        {
            if (value != 0 || HasRare) SetRare(RareOrNone with { ContinuationLines = value });
        }
    }

    /// <summary>
    /// True when part of the entry's text was not kept: a line over <see cref="LogReaderOptions.MaxLineLength"/> was
    /// cut there, or the folded message reached <see cref="LogReaderOptions.MaxLineLength"/> characters and the rest of
    /// its continuation lines was dropped (counted in <see cref="CutContinuationLines"/>).
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>
    /// Where the last line folded into this entry was read, for an entry that folded continuation lines; null otherwise.
    /// A checkpoint after the entry resumes after that line, so its continuation lines are not read again as entries.
    /// </summary>
    internal LogPosition? LastLine
    {
        get => RareOrNone.LastLine;
        init
        {
            if (value is not null || HasRare) SetRare(RareOrNone with { LastLine = value });
        }
    }

    /// <summary>Continuation lines dropped whole because the folded message had reached its limit; 0 when none was.</summary>
    public long CutContinuationLines
    {
        get => RareOrNone.CutContinuationLines;
        init
        {
            if (value != 0 || HasRare) SetRare(RareOrNone with { CutContinuationLines = value });
        }
    }

    /// <summary>
    /// The text as it was read, when the reader was asked to keep it (<see cref="LogReaderOptions.KeepOriginal"/>): the
    /// whole line with its header (for journalctl's JSON output, the JSON object), and for an entry that folded
    /// continuation lines, those lines too, after <c>'\n'</c> (capped like the message). Null otherwise: keeping it costs a
    /// string per line. ECS writes it as <c>event.original</c> on request.
    /// </summary>
    public string? Original
    {
        get => RareOrNone.Original;
        init
        {
            if (value is not null || HasRare) SetRare(RareOrNone with { Original = value });
        }
    }

    /// <summary>
    /// True when the entry's last line ended the source without a <c>'\n'</c>: a file whose writer had not finished
    /// the line when it was read. Such a line is read (the file did not shrink), but may be incomplete.
    /// </summary>
    public bool Unterminated { get; init; }

    // The fields nearly every entry leaves at their defaults live apart, in one object that most entries never have:
    // inline (two counts, the original text, the last folded line's 48-byte position, the journal's unit and severity)
    // they made every entry about 80 bytes bigger, some 15% of what a million-line read allocates. A record, so entries
    // still compare by these fields' values; an entry whose rare fields are all defaults holds none, so it equals one that
    // never set them.
    private Rare? _rare;

    private protected Rare RareOrNone => _rare ?? Rare.None;

    private protected bool HasRare => _rare is not null;

    private protected void SetRare(Rare rare) => _rare = rare == Rare.None ? null : rare;

    /// <summary>The fields of <see cref="LogEntry"/> and <see cref="AuthLogEntry"/> that are rarely set.</summary>
    private protected sealed record Rare
    {
        public static readonly Rare None = new();
        public long ContinuationLines { get; init; }
        public long CutContinuationLines { get; init; }
        public string? Original { get; init; }
        public LogPosition? LastLine { get; init; }
        public string? Unit { get; init; }
        public int? Severity { get; init; }
    }
}
