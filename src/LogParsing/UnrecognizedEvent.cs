namespace LogParsing;

/// <summary>The header parsed but the message is not one we know; <see cref="LogEntry.Message"/> holds it.</summary>
public sealed record UnrecognizedEvent : AuthEvent;
