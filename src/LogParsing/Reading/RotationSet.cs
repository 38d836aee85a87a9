using System.Globalization;

namespace LogParsing.Reading;

/// <summary>
/// Finds the files of a rotation set from its newest file's path, oldest first: dateext names
/// (<c>secure-20240101</c>, <c>secure-20240101.gz</c>) by date, then numbered names (<c>auth.log.3.gz</c>,
/// <c>auth.log.2</c>, <c>auth.log.1</c>) from the highest number down, then the path itself.
/// </summary>
internal static class RotationSet
{
    public static IReadOnlyList<string> Discover(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var name = Path.GetFileName(full);
        var dated = new List<(string Key, string Path)>();
        var numbered = new List<(int Number, string Path)>();
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, name + "*"))
            {
                var suffix = Path.GetFileName(file).AsSpan(name.Length);
                if (suffix.EndsWith(".gz", StringComparison.Ordinal)) suffix = suffix[..^3];
                if (suffix.Length > 1 && suffix[0] == '.' && int.TryParse(suffix[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    numbered.Add((n, file));
                else if (suffix.Length >= 9 && suffix[0] == '-' && !suffix[1..].ContainsAnyExceptInRange('0', '9'))
                    dated.Add((suffix[1..].ToString(), file));
            }
        }
        var files = new List<string>(dated.Count + numbered.Count + 1);
        files.AddRange(dated.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Path));
        files.AddRange(numbered.OrderByDescending(n => n.Number).Select(n => n.Path));
        if (File.Exists(full) || files.Count == 0) files.Add(full);
        return files;
    }
}
