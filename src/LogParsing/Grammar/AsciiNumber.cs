namespace LogParsing.Grammar;

/// <summary>Plain decimal numbers as logs write them (pids, uids): ASCII digits only, no sign, no culture.</summary>
/// <remarks>
/// int.TryParse with a null provider looks up the thread's culture (a thread-static) on every call, and goes through a
/// general parser for signs, spaces and groups that these fields never have: the header's pid did this on every line.
/// </remarks>
internal static class AsciiNumber
{
    /// <summary>True when <paramref name="text"/> is ASCII digits (at least one) whose value fits an <see cref="int"/>.</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        long n = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            n = n * 10 + (c - '0');
            if (n > int.MaxValue) return false;
        }
        value = (int)n;
        return true;
    }
}
