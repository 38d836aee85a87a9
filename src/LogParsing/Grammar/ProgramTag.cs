namespace LogParsing.Grammar;

/// <summary>A syslog tag: the program name and its optional pid, as in <c>sshd[52959]: </c>.</summary>
/// <param name="Program">The program name.</param>
/// <param name="ProcessId">The pid, or null when the tag has none.</param>
public readonly record struct ProgramTag(string Program, int? ProcessId);
