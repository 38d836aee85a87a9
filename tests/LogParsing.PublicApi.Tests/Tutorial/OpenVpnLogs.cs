using LogParsing;
using LogParsing.Analysis;

namespace Tutorial;

/// <summary>Plugging the OpenVPN grammar into the auth log reader, and what the library's analyses then make of it.</summary>
public static class OpenVpnLogs
{
    /// <summary>
    /// The library's grammars plus OpenVPN's, under both tags it uses: <c>openvpn</c>, and <c>ovpn-server</c> when started
    /// by Debian's <c>openvpn@server</c> unit (<c>--daemon ovpn-%i</c>).
    /// </summary>
    public static readonly AuthLogParser Parser = AuthLogParser.Default
        .WithProgram("openvpn", OpenVpnGrammar.Body, OpenVpnJson.Default)
        .WithProgram("ovpn-server", OpenVpnGrammar.Body, OpenVpnJson.Default);

    /// <summary>Summarises a log (auth.log, or syslog where OpenVPN usually writes) with OpenVPN's lines counted too.</summary>
    /// <param name="path">The newest file of the rotation set.</param>
    /// <param name="options">Year, zone...; the parser is replaced by <see cref="Parser"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static ValueTask<AuthLogSummary> SummarizeAsync(string path, AuthLogReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = (options ?? new AuthLogReaderOptions()) with { Parser = Parser, IncludeRotated = true };
        return AuthLogSummary.SummarizeAsync(AuthLogReader.ReadAsync(path, options, cancellationToken), cancellationToken);
    }
}
