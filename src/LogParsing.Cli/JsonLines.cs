using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogParsing.Cli;

/// <summary>The writer options of every JSON line the tool writes (events, detections): log text as written, only what JSON requires escaped.</summary>
/// <remarks>
/// A class of their own, so that the encoder's tables are built when JSON is first written. As a static of
/// <see cref="EventWriter"/>, whose <see cref="EventWriter.Formats"/> every start reads to build the command line, they were
/// built at every start: a few percent of a small log's summary, which writes no JSON.
/// </remarks>
internal static class JsonLines
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
