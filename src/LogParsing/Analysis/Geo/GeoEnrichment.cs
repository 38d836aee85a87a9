using System.Runtime.CompilerServices;

namespace LogParsing.Analysis.Geo;

/// <summary>GeoIP and ASN enrichment of a stream of entries.</summary>
public static class GeoEnrichment
{
    /// <summary>Each entry with where its remote address is, in the same order, read as they come.</summary>
    /// <param name="entries">The entries, from <see cref="AuthLogReader"/> or <see cref="JournalReader"/>.</param>
    /// <param name="databases">The databases to look addresses up in; the caller keeps and disposes them.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <example>
    /// <code>
    /// using var geo = GeoDatabases.Open("/var/lib/GeoIP/GeoLite2-City.mmdb", "/var/lib/GeoIP/GeoLite2-ASN.mmdb");
    /// await foreach (var (entry, where) in AuthLogReader.ReadAsync("/var/log/auth.log").WithGeo(geo))
    ///     if (entry.Event.Outcome == AuthOutcome.Failure &amp;&amp; where is { CountryIsoCode: var country })
    ///         Console.WriteLine($"{entry.Event.Remote?.Host} {country} AS{where.AsNumber}");
    /// </code>
    /// </example>
    public static async IAsyncEnumerable<GeoEnrichedEntry> WithGeo(
        this IAsyncEnumerable<AuthLogEntry> entries, GeoDatabases databases, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(databases);
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return new GeoEnrichedEntry(entry, databases.Lookup(entry));
    }
}
