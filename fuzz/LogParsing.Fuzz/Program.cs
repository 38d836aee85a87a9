using LogParsing;
using SharpFuzz;

// AFL feeds a file per run; any exception escaping here is a crash, and AFL keeps the input that caused it.
// Targets: single-line parsing (auth and fail2ban), and the whole byte pipeline of the three readers (auth, fail2ban,
// journal: its JSON and text forms are told apart line by line, so one input exercises both).
Fuzzer.OutOfProcess.Run(stream =>
{
    var bytes = ReadAll(stream);
    var text = System.Text.Encoding.UTF8.GetString(bytes);
    foreach (var line in text.Split('\n'))
    {
        AuthLogParser.Default.TryParse(line, out _);
        _ = Fail2BanParser.Default.Parse(line);
    }
    var options = new AuthLogReaderOptions { MaxLineLength = 4096, TimeZone = TimeZoneInfo.Utc };
    try
    {
        foreach (var _ in AuthLogReader.ReadAsync(new MemoryStream(bytes), options).ToBlockingEnumerable()) { }
        foreach (var _ in Fail2BanLogReader.ReadAsync(new MemoryStream(bytes), options).ToBlockingEnumerable()) { }
        var journal = new JournalReaderOptions { MaxLineLength = 4096, TimeZone = TimeZoneInfo.Utc };
        foreach (var _ in JournalReader.ReadAsync(new MemoryStream(bytes), journal).ToBlockingEnumerable()) { }
    }
    catch (LogReadException)
    {
        // Input that starts like gzip (1f 8b) and is not valid gzip is a corrupt file: a documented I/O error
        // naming the source and offset (docs/reliability.md), not a crash.
    }
});

static byte[] ReadAll(Stream stream)
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}
