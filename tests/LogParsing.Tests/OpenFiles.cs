namespace LogParsing.Tests;

/// <summary>
/// Whether this process holds a file open, from the kernel's own list (/proc/self/fd). Linux file locks are advisory,
/// so opening a file with <c>FileShare.None</c> succeeds whether or not a reader left it open: it proves nothing.
/// </summary>
internal static class OpenFiles
{
    public static bool IsOpenHere(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName == full) return true;
            }
            catch (IOException)
            {
            }
        }
        return false;
    }
}
