using System.Text;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>
/// Text from a log is attacker-controlled (user names, commands): control characters and ANSI escapes are
/// shown as <c>\xNN</c>, never sent to the terminal, and Spectre markup characters are escaped.
/// </summary>
internal static class Safe
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? string.Empty;
        var clean = value.AsSpan().IndexOfAnyInRange('\0', '\x1f') < 0 && !value.Contains('\x7f') && !HasC1(value)
            ? value
            : Escape(value);
        return clean;
    }

    public static string Markup(string? value) => Spectre.Console.Markup.Escape(Text(value));

    private static bool HasC1(string value) => value.AsSpan().IndexOfAnyInRange('\x80', '\x9f') >= 0;

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
