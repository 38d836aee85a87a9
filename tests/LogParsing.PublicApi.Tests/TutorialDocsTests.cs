namespace LogParsing.PublicApi.Tests;

/// <summary>docs/custom-formats.md quotes code that builds and runs: every C# block is found, verbatim, in the file it names.</summary>
public class TutorialDocsTests
{
    private const string Marker = "<!-- from ";

    [Fact]
    public void Every_csharp_block_of_the_tutorial_is_quoted_verbatim_from_the_file_it_names()
    {
        var root = Files.RepoRoot();
        var lines = File.ReadAllText(Path.Combine(root, "docs", "custom-formats.md")).ReplaceLineEndings("\n").Split('\n');
        var blocks = 0;
        string? source = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(Marker, StringComparison.Ordinal))
            {
                source = lines[i][Marker.Length..^" -->".Length];
                continue;
            }
            if (lines[i] != "```csharp") continue;

            Assert.True(source is not null, $"docs/custom-formats.md:{i + 1}: a C# block without a '<!-- from path -->' line before it");
            var end = Array.IndexOf(lines, "```", i + 1);
            var block = string.Join('\n', lines[(i + 1)..end]);
            var code = File.ReadAllText(Path.Combine(root, source!)).ReplaceLineEndings("\n");
            Assert.True(code.Contains(block, StringComparison.Ordinal), $"docs/custom-formats.md:{i + 1}: the block is not in {source} as written");
            blocks++;
            source = null;
            i = end;
        }
        Assert.True(blocks >= 8, $"only {blocks} C# blocks found");
    }
}
