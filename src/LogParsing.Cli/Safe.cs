using System.Globalization;
using System.Text;
using Spectre.Console;

namespace LogParsing.Cli;

/// <summary>
/// Text from a log is attacker-controlled (user names, commands): every character of Unicode categories Cc (C0 and C1
/// controls, so ANSI escapes), Cf (bidi overrides and isolates U+202A–U+202E, U+2066–U+2069, U+061C; zero-width
/// U+200B–U+200F, U+2060–U+2064, U+FEFF), Zl and Zp (U+2028, U+2029) is shown as <c>\xNN</c> or <c>\u{NNNN}</c>, never
/// sent to the terminal, so that a name like <c>ad\u202Enimda</c> cannot reverse on screen; Spectre markup characters
/// are escaped too.
/// </summary>
internal static class Safe
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? string.Empty;
        return NeedsEscape(value) ? Escape(value) : value;
    }

    public static string Markup(string? value) => Spectre.Console.Markup.Escape(Text(value));

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            // ASCII printable needs no lookup: the common case stays one comparison a character.
            if (c is >= ' ' and < '\x7f') continue;
            if (char.IsSurrogate(c) || IsHidden(char.GetUnicodeCategory(c))) return true;
        }
        return false;
    }

    private static bool IsHidden(UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsHidden(Rune.GetUnicodeCategory(rune))) sb.Append(rune.ToString());
            else if (rune.Value < 0x100) sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u{").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('}');
        }
        return sb.ToString();
    }
}
