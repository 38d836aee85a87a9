namespace LogParsing.Grammar;

/// <summary>
/// The envelope of a syslog line: <c>May 31 07:07:22 nimbus sshd[52959]: </c>.
/// </summary>
/// <param name="Timestamp">The stamp as written.</param>
/// <param name="Host">The host name, or null when the line has none (busybox, some journal exports).</param>
/// <param name="Program">The syslog tag: <c>sshd</c>, <c>sshd-session</c>, <c>CRON</c>, <c>postfix/smtpd</c>.</param>
/// <param name="ProcessId">The pid in brackets, or null when the tag has none (<c>sudo: </c>).</param>
public readonly record struct SyslogHeader(SyslogTimestamp Timestamp, string? Host, string Program, int? ProcessId);
