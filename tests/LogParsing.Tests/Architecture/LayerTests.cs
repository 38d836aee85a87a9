namespace LogParsing.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, checked on what each type of the package actually uses (its metadata and IL),
/// not on its namespace or its <c>using</c> lines: core types use only the BCL; the grammar toolkit and the reading
/// pipeline use only core types; a family uses core, the toolkit and the family contract, and no other family; the
/// registry lists the families; the façades, JSON, the journal and the analyses may use anything.
/// </summary>
public class LayerTests
{
    private enum Layer { Core, Grammar, Reading, Contract, Family, Registry, Facade }

    // The types every layer may use: entries, events, the endpoint, positions, outcomes, reader options and errors,
    // fail2ban's entry and event bases, and the JSON converters those types name.
    private static readonly HashSet<string> Core =
    [
        "LogParsing.AuthEvent", "LogParsing.AuthOutcome", "LogParsing.LogEntry", "LogParsing.AuthLogEntry", "LogParsing.RemoteEndpoint",
        "LogParsing.LogPosition", "LogParsing.MalformedLine", "LogParsing.UnrecognizedEvent", "LogParsing.LogReaderOptions",
        "LogParsing.LogReadProgress", "LogParsing.LogReadException", "LogParsing.LogCheckpoint", "LogParsing.LogCheckpointException", "LogParsing.LogRecord`1", "LogParsing.LogParseError",
        "LogParsing.Fail2BanEntry", "LogParsing.Fail2BanEvent", "LogParsing.Fail2BanLevel", "LogParsing.JournalctlException",
        "LogParsing.IPAddressJsonConverter", "LogParsing.SnakeCaseEnumJsonConverter`1",
    ];

    // The public faces: each reads or parses one format, and may use anything below it. The options that carry a
    // parser (AuthLogReaderOptions.Parser, a contract name) belong with the façades.
    private static readonly HashSet<string> Facades =
    [
        "LogParsing.AuthLogReader", "LogParsing.AuthLogParser", "LogParsing.AuthLogReaderOptions", "LogParsing.JournalReader",
        "LogParsing.JournalReaderOptions", "LogParsing.Fail2BanLogReader", "LogParsing.Fail2BanParser", "LogParsing.LogReader",
        "LogParsing.LogParser`1",
    ];

    // What families implement and the dispatch built from them, naming none.
    private static readonly HashSet<string> Contract =
    [
        "LogParsing.Auth.AuthFamily", "LogParsing.Auth.ProgramClaim", "LogParsing.Auth.MessageClaim", "LogParsing.Auth.MessageWrapper",
        "LogParsing.Auth.TagForm", "LogParsing.Auth.MessageDispatch",
    ];

    private static readonly Dictionary<string, HashSet<TypeDependencies.TypeKey>> Uses =
        new TypeDependencies(typeof(AuthLogReader).Assembly.Location).Read();

    private static Layer? LayerOf(string type) =>
        Core.Contains(type) ? Layer.Core
        : Facades.Contains(type) ? Layer.Facade
        : Contract.Contains(type) ? Layer.Contract
        : type == "LogParsing.Auth.AuthFamilies" ? Layer.Registry
        : type.StartsWith("LogParsing.Grammar.", StringComparison.Ordinal) ? Layer.Grammar
        : type.StartsWith("LogParsing.Reading.", StringComparison.Ordinal) ? Layer.Reading
        : FamilyOf(type) is not null ? Layer.Family
        : type.StartsWith("LogParsing.Json.", StringComparison.Ordinal) || type.StartsWith("LogParsing.Journal.", StringComparison.Ordinal)
          || type.StartsWith("LogParsing.Analysis.", StringComparison.Ordinal) || type.StartsWith("LogParsing.Elastic.", StringComparison.Ordinal)
          // MaxMind.Db's source generator registers our .mmdb models in the package; it is the GeoIP lookup's, an analysis.
          || type == "MaxMind.Db.Generated.SourceGeneratedRegistration" ? Layer.Facade
        : null;

    // "LogParsing.Auth.Sshd.SshdGrammar" is in the sshd family; fail2ban's folder is a family of its own.
    private static string? FamilyOf(string type)
    {
        if (type.StartsWith("LogParsing.Fail2Ban.", StringComparison.Ordinal)) return "Fail2Ban";
        if (!type.StartsWith("LogParsing.Auth.", StringComparison.Ordinal)) return null;
        var rest = type["LogParsing.Auth.".Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? null : rest[..dot];
    }

    private static bool IsBcl(string assembly) =>
        assembly is "netstandard" or "mscorlib" || assembly.StartsWith("System", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    private static bool Allowed(string type, Layer layer, TypeDependencies.TypeKey used)
    {
        // What the compiler adds (<PrivateImplementationDetails> for constant arrays) is nobody's layer.
        if (used.FullName.StartsWith('<')) return true;
        if (used.Assembly is { } assembly)
            return IsBcl(assembly) || (assembly == "Pidgin" && layer is not (Layer.Core or Layer.Reading))
                || (assembly == "MaxMind.Db" && (type.StartsWith("LogParsing.Analysis.Geo.", StringComparison.Ordinal) || type.StartsWith("MaxMind.Db.Generated.", StringComparison.Ordinal)));
        var target = LayerOf(used.FullName);
        return layer switch
        {
            Layer.Core => target is Layer.Core,
            Layer.Grammar => target is Layer.Core or Layer.Grammar,
            Layer.Reading => target is Layer.Core or Layer.Reading,
            Layer.Contract => target is Layer.Core or Layer.Grammar or Layer.Contract,
            Layer.Family => target is Layer.Core or Layer.Grammar or Layer.Contract || (target is Layer.Family && FamilyOf(used.FullName) == FamilyOf(type)),
            Layer.Registry => target is Layer.Core or Layer.Grammar or Layer.Contract or Layer.Family,
            _ => true,
        };
    }

    [Fact]
    public void Every_type_of_the_package_is_in_a_layer()
    {
        var unplaced = Uses.Keys.Where(t => LayerOf(t) is null).Order(StringComparer.Ordinal).ToList();
        Assert.True(unplaced.Count == 0, "types in no layer (add them to docs/architecture.md and LayerTests): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Every_type_uses_only_the_layers_below_it()
    {
        var violations = new List<string>();
        foreach (var (type, uses) in Uses)
        {
            if (LayerOf(type) is not { } layer) continue;
            foreach (var used in uses)
                if (!Allowed(type, layer, used)) violations.Add($"{type} ({layer}) uses {used} ({(used.Assembly is null ? LayerOf(used.FullName) : used.Assembly)})");
        }
        violations.Sort(StringComparer.Ordinal);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_dependency_reader_sees_what_types_use()
    {
        // The check above is only as good as what it reads: known uses through a base type, a field, a body, a lambda and an attribute.
        Assert.Contains(new TypeDependencies.TypeKey(null, "LogParsing.LogEntry"), Uses["LogParsing.AuthLogEntry"]);
        Assert.Contains(new TypeDependencies.TypeKey(null, "LogParsing.Reading.LineReader`2"), Uses["LogParsing.AuthLogReader"]);
        Assert.Contains(new TypeDependencies.TypeKey(null, "LogParsing.Auth.Sshd.SshdFamily"), Uses["LogParsing.Auth.AuthFamilies"]);
        // and through a lambda: the family names its grammar in Rec(() => SshdGrammar.Body).
        Assert.Contains(new TypeDependencies.TypeKey(null, "LogParsing.Auth.Sshd.SshdGrammar"), Uses["LogParsing.Auth.Sshd.SshdFamily"]);
        Assert.Contains(new TypeDependencies.TypeKey(null, "LogParsing.IPAddressJsonConverter"), Uses["LogParsing.RemoteEndpoint"]);
        Assert.Contains(new TypeDependencies.TypeKey("Pidgin", "Pidgin.Parser`2"), Uses["LogParsing.Auth.Sshd.SshdGrammar"]);
        Assert.False(Allowed("LogParsing.Auth.Sshd.SshdGrammar", Layer.Family, new(null, "LogParsing.Auth.Pam.PamGrammar")));
        Assert.False(Allowed("LogParsing.RemoteEndpoint", Layer.Core, new("Pidgin", "Pidgin.Parser`2")));
    }
}
