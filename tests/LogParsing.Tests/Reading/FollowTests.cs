namespace LogParsing.Tests.Reading;

/// <summary>tail -F semantics on real files: appends, rename rotation, copytruncate, a file that appears later.</summary>
public class FollowTests
{
    private static string Line(string user) => Follower.Line(user);

    private static void Append(string path, string text) => File.AppendAllText(path, text);

    [Fact]
    public async Task Follow_yields_appended_lines_and_not_older_ones()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("old") + "\n");
        await using var follower = new Follower(path);
        await follower.Positioned();
        Append(path, Line("a") + "\n");
        Assert.Equal("a", await follower.Next());
        Append(path, Line("b") + "\n" + Line("c") + "\n");
        Assert.Equal("b", await follower.Next());
        Assert.Equal("c", await follower.Next());
    }

    [Fact]
    public async Task Follow_from_start_reads_existing_lines_first()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("old") + "\n");
        await using var follower = new Follower(path, fromStart: true);
        Assert.Equal("old", await follower.Next());
    }

    [Fact]
    public async Task A_half_written_line_waits_for_its_newline()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();
        var line = Line("half");
        var cut = line.IndexOf("lf from", StringComparison.Ordinal);
        Append(path, line[..cut]);
        // Nothing is yielded for the half line, however long the follower has had to see it.
        Assert.False(await follower.Yields(TimeSpan.FromMilliseconds(300)));
        Append(path, line[cut..] + "\n");
        Assert.Equal("half", await follower.Next());
    }

    [Fact]
    public async Task Follow_survives_rename_rotation()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();
        Append(path, Line("before") + "\n");
        Assert.Equal("before", await follower.Next());

        File.Move(path, path + ".1");
        Append(path + ".1", Line("late") + "\n"); // written to the old file after the rename, before the logger reopens
        File.WriteAllText(path, Line("after") + "\n");
        Assert.Equal("late", await follower.Next());
        Assert.Equal("after", await follower.Next());
    }

    [Fact]
    public async Task Follow_survives_copytruncate()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();
        Append(path, Line("one-long-name-to-make-the-file-longer") + "\n");
        Assert.Equal("one-long-name-to-make-the-file-longer", await follower.Next());

        File.Copy(path, path + ".1");
        using (var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) truncate.SetLength(0);
        await follower.Positioned(); // the truncation was seen and the file reopened at its start
        Append(path, Line("two") + "\n");
        Assert.Equal("two", await follower.Next());
    }

    // Issue 15, defect 6: truncated and at once written past the old read position, the file is never shorter than what
    // was read when the follower looks; only its first bytes tell the new content from the old.
    [Fact]
    public async Task Follow_survives_copytruncate_followed_at_once_by_more_than_was_read()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();
        Append(path, Line("before") + "\n");
        Assert.Equal("before", await follower.Next());

        File.Copy(path, path + ".1");
        using (var cut = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            cut.SetLength(0);
            var more = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20).Select(i => Line($"after{i}") + "\n")));
            cut.Write(more);
        }
        for (var i = 0; i < 20; i++)
            Assert.Equal($"after{i}", await follower.Next());
        Assert.False(await follower.Yields(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_partial_line_cut_by_copytruncate_is_not_yielded()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", "");
        await using var follower = new Follower(path);
        await follower.Positioned();
        var line = Line("cut-short");
        Append(path, Line("whole") + "\n" + line[..20]);
        Assert.Equal("whole", await follower.Next());
        using (var cut = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) cut.SetLength(0);
        await follower.Positioned();
        Append(path, Line("next") + "\n");
        Assert.Equal("next", await follower.Next());
    }

    [Fact]
    public async Task Follow_waits_for_a_file_that_does_not_exist_yet()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "auth.log");
        await using var follower = new Follower(path);
        Assert.False(await follower.Yields(TimeSpan.FromMilliseconds(100)));
        File.WriteAllText(path, Line("first") + "\n");
        // The file did not exist when following began, so everything in it is new.
        Assert.Equal("first", await follower.Next());
    }

    [Fact]
    public async Task Cancelling_follow_closes_the_file()
    {
        using var dir = new TempDir();
        var path = dir.File("auth.log", Line("x") + "\n");
        var follower = new Follower(path);
        await follower.Positioned();
        // Linux file locks are advisory, so opening with FileShare.None would succeed either way: look at our descriptors.
        Assert.True(OpenFiles.IsOpenHere(path), "the follower has the file open while following");
        await follower.DisposeAsync();
        Assert.False(OpenFiles.IsOpenHere(path), "the follower closed the file when cancelled");
    }
}
