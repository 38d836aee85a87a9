using System.Text;

namespace LogParsing.Tests.Reading;

/// <summary>
/// The line-level guarantees of docs/reliability.md, for each of the three readers (auth, fail2ban, journal text): CRLF,
/// a missing final newline, empty lines, NUL bytes and invalid UTF-8, and a missing file.
/// </summary>
public class AllReadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Line(string reader, string user) => reader switch
    {
        "fail2ban" => $"2021-05-30 00:51:39,363 fail2ban.filter         [448]: INFO    [sshd] Found {user} - 2021-05-30 00:51:39",
        "journal" => $"Jul 03 14:59:26 web01 sshd-session[1580]: Invalid user {user} from 198.51.100.23 port 40210",
        _ => $"May 31 07:07:22 nimbus sshd[1]: Invalid user {user} from 192.0.2.1 port 1",
    };

    private static async Task<List<LogEntry>> Read(string reader, byte[] bytes)
    {
        var stream = new MemoryStream(bytes);
        IAsyncEnumerable<LogEntry> entries = reader switch
        {
            "fail2ban" => Fail2BanLogReader.ReadAsync(stream, Fixture.Utc(), Ct),
            "journal" => JournalReader.ReadAsync(stream, new JournalReaderOptions { TimeZone = TimeZoneInfo.Utc, Year = 2024 }, Ct),
            _ => AuthLogReader.ReadAsync(stream, Fixture.Utc(), Ct),
        };
        var list = new List<LogEntry>();
        await foreach (var e in entries) list.Add(e);
        return list;
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task Crlf_empty_lines_and_a_missing_final_newline(string reader)
    {
        var text = Line(reader, "a") + "\r\n\r\n\n" + Line(reader, "b") + "\r\n" + Line(reader, "c");
        var entries = await Read(reader, Encoding.UTF8.GetBytes(text));
        Assert.Equal([1L, 4L, 5L], entries.Select(e => e.Position.Line));
        Assert.All(entries, e => Assert.DoesNotContain('\r', e.Message));
        Assert.Equal([false, false, true], entries.Select(e => e.Unterminated));
        Assert.EndsWith(reader == "fail2ban" ? "Found c - 2021-05-30 00:51:39" : "Invalid user c from " + (reader == "journal" ? "198.51.100.23 port 40210" : "192.0.2.1 port 1"), entries[2].Message);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task Invalid_utf8_is_replaced_and_nul_bytes_survive(string reader)
    {
        var bytes = Encoding.UTF8.GetBytes(Line(reader, "abXY") + "\n");
        var xy = Array.IndexOf(bytes, (byte)'X');
        bytes[xy] = 0xff;
        bytes[xy + 1] = 0x00;
        var e = Assert.Single(await Read(reader, bytes));
        Assert.Contains("ab\uFFFD\0", e.Message);
        Assert.False(e.Truncated);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("fail2ban")]
    [InlineData("journal")]
    public async Task A_missing_file_is_a_FileNotFoundException_naming_it(string reader)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "auth.log");
        IAsyncEnumerable<LogEntry> entries = reader switch
        {
            "fail2ban" => Fail2BanLogReader.ReadAsync(path, null, Ct),
            "journal" => JournalReader.ReadAsync(path, null, Ct),
            _ => AuthLogReader.ReadAsync(path, null, Ct),
        };
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(async () => { await foreach (var _ in entries) { } });
        Assert.Contains(path, ex.Message);
        Assert.Equal(path, ex.FileName);
    }
}
