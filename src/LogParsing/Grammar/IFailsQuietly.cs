namespace LogParsing.Grammar;

/// <summary>
/// A parser that fails without consuming input or recording what it expected: combinators that try it first
/// (<see cref="Scan.FirstOf{T}"/>) call it without marking the attempt speculative.
/// </summary>
internal interface IFailsQuietly;
