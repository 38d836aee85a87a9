using PublicApiGenerator;
using Snapshooter.Xunit3;

namespace LogParsing.Tests;

/// <summary>
/// The public API, pinned: any change to it is a visible diff in __snapshots__. Tools outside this repo call these names.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_has_not_changed_unnoticed()
    {
        var api = typeof(AuthLogReader).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });
        Snapshot.Match(api);
    }

    [Fact]
    public void The_library_uses_no_regular_expressions()
    {
        // No regex anywhere in the library: no ReDoS surface on attacker-controlled log text.
        var library = typeof(AuthLogReader).Assembly;
        Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name == "System.Text.RegularExpressions");
    }

    [Fact]
    public void Every_public_type_of_the_contract_is_where_tools_look_for_it()
    {
        var library = typeof(AuthLogReader).Assembly;
        foreach (var name in new[]
        {
            "LogParsing.AuthLogReader", "LogParsing.AuthLogReaderOptions", "LogParsing.AuthLogEntry", "LogParsing.AuthEvent",
            "LogParsing.AuthOutcome", "LogParsing.RemoteEndpoint", "LogParsing.LogPosition", "LogParsing.UnrecognizedEvent",
            "LogParsing.MalformedLine", "LogParsing.AuthLogParser", "LogParsing.Fail2BanLogReader", "LogParsing.Fail2BanEntry",
            "LogParsing.Fail2BanLevel", "LogParsing.Fail2BanEvent",
        })
        {
            Assert.NotNull(library.GetType(name));
        }
    }
}
