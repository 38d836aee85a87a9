namespace LogParsing.Elastic;

/// <summary>
/// The ECS values of one entry, as Elastic's <c>system.auth</c> pipeline would set them (docs/ecs.md), before writing:
/// <see cref="EcsMapping"/> fills them, <see cref="EcsWriter"/> writes them.
/// </summary>
internal sealed class EcsFields
{
    public string? Action;
    public string? Category1;
    public string? Category2;
    public string? Type1;
    public string? Type2;
    public string? Outcome;

    public string? UserName;
    public string? UserId;
    public string? EffectiveName;
    public string? EffectiveId;
    public string? TargetName;
    public string? TargetId;
    public string? GroupName;
    public string? GroupId;

    public RemoteEndpoint? Source;

    /// <summary>False for sshd's <c>Did not receive identification string</c>: Elastic writes only <c>source.ip</c> there.</summary>
    public bool SourceAddress = true;

    public string? ServiceName;

    public string? SshEvent;
    public string? SshMethod;
    public string? SshSignature;
    public string? SshDroppedIp;

    public bool Sudo;
    public string? SudoCommand;
    public string? SudoPwd;
    public string? SudoTty;
    public string? SudoUser;
    public string? SudoError;

    public bool UserAdd;
    public string? UserAddHome;
    public string? UserAddShell;
    public string? UserAddFrom;

    public void Category(string category)
    {
        if (Category1 is null || Category1 == category) Category1 = category;
        else if (Category2 is null) Category2 = category;
    }

    public void Type(string type)
    {
        if (Type1 is null || Type1 == type) Type1 = type;
        else if (Type2 is null) Type2 = type;
    }
}
