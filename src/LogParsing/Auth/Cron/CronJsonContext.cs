using System.Text.Json.Serialization;

namespace LogParsing.Auth.Cron;

/// <summary>The JSON metadata of the cron family's events, source-generated (no reflection at run time).</summary>
[JsonSerializable(typeof(CronCommand))]
[JsonSerializable(typeof(CronAction))]
internal sealed partial class CronJsonContext : JsonSerializerContext;
