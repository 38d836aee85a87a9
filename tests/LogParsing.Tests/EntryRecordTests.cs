using LogParsing.Auth.Sshd;

namespace LogParsing.Tests;

/// <summary>
/// Entries are records: equal when every field is, whichever way the fields came to their values. The rarely set fields
/// (folded line counts, the original text, the journal's unit and severity) are kept apart from the others, which must
/// not show.
/// </summary>
public class EntryRecordTests
{
    // OpenSSH 9.x auth.c: "Failed %s for %s%.100s from %.200s port %d ssh2".
    private static AuthLogEntry Entry() => AuthLogParser.Default.Parse(
        "Mar  6 06:00:02 web1 sshd[100]: Failed password for root from 203.0.113.5 port 40000 ssh2");

    [Fact]
    public void Rare_fields_read_back_what_was_set()
    {
        var e = Entry() with { ContinuationLines = 3, CutContinuationLines = 1, Original = "raw", Unit = "ssh.service", Severity = 6 };

        Assert.Equal((3L, 1L, "raw", "ssh.service", 6), (e.ContinuationLines, e.CutContinuationLines, e.Original, e.Unit, e.Severity));
        Assert.IsType<SshdFailedAuthentication>(e.Event);
        Assert.Equal((0L, 0L, null, null, null), (Entry().ContinuationLines, Entry().CutContinuationLines, Entry().Original, Entry().Unit, Entry().Severity));
    }

    [Fact]
    public void An_entry_whose_rare_fields_went_back_to_their_defaults_equals_one_that_never_set_them()
    {
        var plain = Entry();
        var back = plain with { Original = "raw", Unit = "ssh.service", Severity = 6, ContinuationLines = 2 } with { Original = null, Unit = null, Severity = null, ContinuationLines = 0 };

        Assert.Equal(plain, back);
        Assert.Equal(plain.GetHashCode(), back.GetHashCode());
        Assert.Equal(plain.ToString(), back.ToString());
    }

    [Fact]
    public void Entries_that_differ_only_in_a_rare_field_are_not_equal()
    {
        var plain = Entry();

        Assert.NotEqual(plain, plain with { Severity = 6 });
        Assert.NotEqual(plain with { Unit = "ssh.service" }, plain with { Unit = "sshd.service" });
        Assert.NotEqual(plain, plain with { CutContinuationLines = 1 });
        Assert.Equal(plain with { Original = "raw", Severity = 6 }, plain with { Severity = 6, Original = "raw" });
    }
}
