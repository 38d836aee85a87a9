using LogParsing.Grammar;
using System.Net;
using System.Text;
using CsCheck;
using LogParsing.Auth.Sshd;

namespace LogParsing.Tests;

/// <summary>
/// Properties over random input (CsCheck, seeded by CsCheck and shrunk on failure): every reader yields one entry per
/// non-empty line, in order, with the right line numbers, and never throws; rendering a random event as sshd would and
/// parsing it back gives the same fields.
/// </summary>
public class PropertyTests
{
    private static readonly byte[][] RealLines = File.ReadAllLines(Fixture.Path("seed-auth.log"))
        .Concat(File.ReadAllLines(Fixture.Path("fail2ban-mixed.log")))
        .Select(Encoding.UTF8.GetBytes).ToArray();

    private const int MaxLine = 512;

    private static readonly byte[][] Separators =
        [[(byte)'\n'], [(byte)'\r', (byte)'\n'], [(byte)'\r'], [0], [0xff, 0xfe], [0xc3], [0xe2, 0x82], [(byte)'\n', (byte)'\n']];

    /// <summary>Pieces of input: fragments of real lines, random bytes, NULs, CR/LF mixes, invalid UTF-8, very long runs.</summary>
    private static readonly Gen<byte[]> Piece = Gen.Frequency(
        (6, Gen.Int[0, RealLines.Length - 1].SelectMany(i => Gen.Int[0, RealLines[i].Length].SelectMany(start =>
            Gen.Int[0, RealLines[i].Length - start].Select(length => RealLines[i].AsSpan(start, length).ToArray())))),
        (4, Gen.Int[0, RealLines.Length - 1].Select(i => RealLines[i])),
        (2, Gen.Byte.Array[0, 40]),
        (2, Gen.Int[0, Separators.Length - 1].Select(i => Separators[i])),
        (1, Gen.Int[MaxLine - 5, MaxLine * 3].Select(n => Enumerable.Repeat((byte)'x', n).ToArray())));

    // Text input: one that happens to start with gzip's magic bytes is read as gzip (by content, as documented) and is
    // then a corrupt archive, the LogReadException FaultTests pin; these properties are about text.
    private static readonly Gen<byte[]> Input = Piece.Array[0, 60].Select(pieces => pieces.SelectMany(p => p).ToArray())
        .Where(bytes => bytes is not [0x1f, 0x8b, ..]);

    /// <summary>The 1-based numbers of the non-empty lines (CR trimmed), as the reader must report them.</summary>
    private static List<long> NonEmptyLineNumbers(byte[] input) => [.. NonEmptyLines(input).Select(l => l.Number)];

    private static readonly AuthLogReaderOptions Options = Fixture.Utc() with { MaxLineLength = MaxLine };

    [Fact]
    public void Auth_reader_yields_one_entry_per_non_empty_line_in_order()
    {
        Input.Sample(input =>
        {
            var entries = AuthLogReader.ReadAsync(new MemoryStream(input), Options, TestContext.Current.CancellationToken).ToBlockingEnumerable().ToList();
            Assert.Equal(NonEmptyLineNumbers(input), entries.Select(e => e.Position.Line));
        }, iter: 400);
    }

    [Fact]
    public void Fail2ban_reader_keeps_every_non_empty_line_in_order()
    {
        Input.Sample(input =>
        {
            var entries = Fail2BanLogReader.ReadAsync(new MemoryStream(input), Options, TestContext.Current.CancellationToken).ToBlockingEnumerable().ToList();
            var lines = NonEmptyLineNumbers(input);
            // Every line is one entry or folded into one (counted, kept in the message unless past the fold limit).
            Assert.Equal(lines.Count, entries.Sum(e => e.ContinuationLines + 1));
            Assert.All(entries, e => Assert.Equal(e.ContinuationLines - e.CutContinuationLines, e.Message.Count(c => c == '\n')));
            Assert.All(entries, e => Assert.True(e.Message.Length <= MaxLine || e.ContinuationLines == 0));
            Assert.Equal(entries.Select(e => e.Position.Line).Order(), entries.Select(e => e.Position.Line));
            if (lines.Count > 0) Assert.Equal(lines[0], entries[0].Position.Line);
        }, iter: 400);
    }

    /// <summary>
    /// The journal reader's text path, with journal JSON lines and journalctl's <c>-- </c> markers mixed in: every
    /// non-empty line is an entry, folded into one (indented lines), or a marker, which yields nothing.
    /// </summary>
    [Fact]
    public void Journal_reader_keeps_every_non_empty_line_in_order()
    {
        JournalInput.Sample(input =>
        {
            var entries = JournalReader.ReadAsync(new MemoryStream(input), JournalOptions, TestContext.Current.CancellationToken).ToBlockingEnumerable().ToList();
            var lines = NonEmptyLines(input);
            var markers = lines.Count(l => l.Text.Length <= MaxLine && l.Text.AsSpan().StartsWith("-- "u8));
            Assert.Equal(lines.Count - markers, entries.Sum(e => e.ContinuationLines + 1));
            Assert.Equal(entries.Select(e => e.Position.Line).Order(), entries.Select(e => e.Position.Line));
            // Journal JSON messages may hold newlines of their own, so the fold is checked by its count, not the message's '\n's.
            Assert.All(entries, e => Assert.InRange(e.CutContinuationLines, 0, e.ContinuationLines));
        }, iter: 400);
    }

    private static readonly byte[][] JournalLines =
        [.. File.ReadAllLines(Fixture.Path("journal.json")).Select(Encoding.UTF8.GetBytes),
         .. File.ReadAllLines(Fixture.Path("journal-short-iso.txt")).Select(Encoding.UTF8.GetBytes),
         "-- Boot 1234 --"u8.ToArray(), "    indented rest"u8.ToArray(), "\tmore"u8.ToArray()];

    private static readonly Gen<byte[]> JournalPiece = Gen.Frequency(
        (5, Gen.Int[0, JournalLines.Length - 1].Select(i => JournalLines[i])),
        (3, Gen.Int[0, JournalLines.Length - 1].SelectMany(i => Gen.Int[0, JournalLines[i].Length].Select(n => JournalLines[i][..n]))),
        (3, Gen.Int[0, Separators.Length - 1].Select(i => Separators[i])),
        (2, Piece));

    private static readonly Gen<byte[]> JournalInput = JournalPiece.Array[0, 60].Select(pieces => pieces.SelectMany(p => p).ToArray())
        .Where(bytes => bytes is not [0x1f, 0x8b, ..]);

    private static readonly JournalReaderOptions JournalOptions = new() { TimeZone = TimeZoneInfo.Utc, Year = 2024, MaxLineLength = MaxLine };

    /// <summary>The non-empty lines (CR trimmed when short), with their 1-based numbers.</summary>
    private static List<(long Number, byte[] Text)> NonEmptyLines(byte[] input)
    {
        var lines = new List<(long, byte[])>();
        var line = 0L;
        var start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != (byte)'\n') continue;
            if (i == input.Length && start == input.Length) break;
            line++;
            var length = i - start;
            if (length > 0 && input[i - 1] == (byte)'\r' && length <= MaxLine) length--;
            if (length > 0) lines.Add((line, input[start..(start + length)]));
            start = i + 1;
        }
        return lines;
    }

    [Fact]
    public void Single_line_parse_never_throws_on_any_text()
    {
        Gen.String.Sample(text =>
        {
            var entry = AuthLogParser.Default.Parse(text);
            Assert.NotNull(entry.Event);
            _ = Fail2BanParser.Default.Parse(text);
        }, iter: 2000);
    }

    // Users as attackers try them: letters, digits, punctuation, non-ASCII letters, spaces, empty.
    private static readonly Gen<string> User =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789._-@$ éüж中"], 0, 20]
            .Where(u => !u.Contains(" from ", StringComparison.Ordinal) && !u.Contains(" port ", StringComparison.Ordinal) && !u.EndsWith(' ') && !u.StartsWith(' '));

    private static readonly Gen<IPAddress> Address = Gen.Frequency(
        (3, Gen.Byte.Array[4].Select(b => new IPAddress(b))),
        (1, Gen.Byte.Array[16].Select(b => new IPAddress(b))),
        (1, Gen.Byte.Array[4].Select(b => new IPAddress(b).MapToIPv6())));

    // 2024 has Feb 29; Dec 31 and Jan 1 straddle New Year.
    private static readonly Gen<DateTime> Time = Gen.Frequency(
        (3, Gen.DateTime[new DateTime(2024, 1, 1), new DateTime(2024, 12, 31, 23, 59, 59)].Select(t => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second))),
        (1, Gen.Int[0, 86399].Select(s => new DateTime(2024, 2, 29).AddSeconds(s))),
        (1, Gen.Int[-3600, 3600].Select(s => new DateTime(2025, 1, 1).AddSeconds(s))));

    [Fact]
    public void Rendered_sshd_lines_parse_back_to_the_same_fields()
    {
        var cases = Gen.Select(User, Address, Gen.Int[1, 65535], Time, Gen.Int[1, 4_000_000], Gen.Int[0, 5], Gen.Bool);
        cases.Sample(c =>
        {
            var (user, address, port, time, pid, form, iso) = c;
            var host = address.ToString();
            var stamp = iso ? time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time:MMM} {time.Day,2} {time:HH:mm:ss}");
            var message = form switch
            {
                0 => $"Invalid user {user} from {host} port {port}",
                1 => $"Failed password for invalid user {user} from {host} port {port} ssh2",
                2 => $"Accepted publickey for {user} from {host} port {port} ssh2: ED25519 SHA256:abc",
                3 => $"Disconnected from invalid user {user} {host} port {port} [preauth]",
                4 => $"Connection closed by authenticating user {user} {host} port {port} [preauth]",
                _ => $"Received disconnect from {host} port {port}:11: Bye Bye [preauth]",
            };
            var line = $"{stamp} web-01.example.org sshd-session[{pid}]: {message}";
            var options = new TimestampResolver(time.Year, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
            var entry = AuthLogParser.Default.Parse(line.AsSpan(), options, default, truncated: false);

            Assert.Equal(new DateTimeOffset(time, TimeSpan.Zero), entry.Timestamp);
            Assert.Equal(("web-01.example.org", "sshd-session", pid, message), (entry.Host, entry.Program, entry.ProcessId!.Value, entry.Message));
            Assert.IsType(form switch
            {
                0 => typeof(SshdInvalidUser),
                1 => typeof(SshdFailedAuthentication),
                2 => typeof(SshdAcceptedAuthentication),
                3 => typeof(SshdDisconnected),
                4 => typeof(SshdConnectionClosed),
                _ => typeof(SshdReceivedDisconnect),
            }, entry.Event);
            Assert.Equal(form == 5 ? null : user, entry.Event.User);
            // An IPv4-mapped address is reported as the IPv4 host it maps.
            var reported = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            Assert.Equal(new RemoteEndpoint(reported.ToString(), reported, port), entry.Event.Remote);
        }, iter: 2000);
    }

    [Fact]
    public void Pids_and_uids_read_as_int_parse_reads_plain_digits()
    {
        // The culture-free digit reader of headers and PAM uids against the framework's parser, on digit runs (with
        // leading zeros and past int.MaxValue) and on anything else.
        var digits = Gen.Char['0', '9'].Array[0, 14].Select(c => new string(c));
        var anything = Gen.String[Gen.Char[' ', '~'], 0, 12];
        Gen.OneOf(digits, anything).Sample(text =>
        {
            var expected = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n);
            Assert.Equal(expected, LogParsing.Grammar.AsciiNumber.TryParseInt32(text, out var value));
            if (expected) Assert.Equal(n, value);
        }, iter: 20_000);
    }
}
