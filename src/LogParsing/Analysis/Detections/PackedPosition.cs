namespace LogParsing.Analysis.Detections;

/// <summary>
/// A <see cref="LogPosition"/> in 24 bytes instead of 40: the line and its offset, and one reference for the rest. The
/// detector keeps positions in every window, ring and piece of evidence of tens of thousands of sources, and a file's
/// lines share their path and fingerprint, so those two are held once per file (<see cref="Packer"/>). A journal entry's
/// cursor is held alone; a position with a cursor and a file as well is held whole.
/// </summary>
internal readonly struct PackedPosition : IEquatable<PackedPosition>
{
    // Null (no source, fingerprint or cursor), a File, the cursor (a string), or the whole LogPosition boxed.
    private readonly object? _where;
    private readonly long _line;
    private readonly long _offset;

    private PackedPosition(object? where, long line, long offset) => (_where, _line, _offset) = (where, line, offset);

    /// <summary>True for the default position (no source, line 0), as <c>position == default</c> is for a <see cref="LogPosition"/>.</summary>
    public bool IsDefault => _where is null && _line == 0 && _offset == 0;

    /// <summary>The position it was packed from, field for field.</summary>
    public LogPosition Unpack() => _where switch
    {
        null => new LogPosition(null, _line) { ByteOffset = _offset },
        File file => new LogPosition(file.Source, _line) { ByteOffset = _offset, Fingerprint = file.Fingerprint },
        string cursor => new LogPosition(null, _line) { ByteOffset = _offset, Cursor = cursor },
        _ => (LogPosition)_where,
    };

    /// <summary>Equal when the positions they were packed from are equal.</summary>
    public bool Equals(PackedPosition other) =>
        _line == other._line && _offset == other._offset && (ReferenceEquals(_where, other._where) || _where switch
        {
            File file => other._where is File o && string.Equals(file.Source, o.Source, StringComparison.Ordinal) && string.Equals(file.Fingerprint, o.Fingerprint, StringComparison.Ordinal),
            string cursor => other._where is string o && string.Equals(cursor, o, StringComparison.Ordinal),
            LogPosition whole => other._where is LogPosition o && whole == o,
            _ => false,
        });

    public override bool Equals(object? obj) => obj is PackedPosition other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_line, _offset);

    public static bool operator ==(PackedPosition left, PackedPosition right) => left.Equals(right);

    public static bool operator !=(PackedPosition left, PackedPosition right) => !left.Equals(right);

    private sealed record File(string? Source, string? Fingerprint);

    /// <summary>Packs positions, holding the last file's path and fingerprint once. Not thread-safe: one per detector.</summary>
    internal sealed class Packer
    {
        private File? _last;

        public PackedPosition Pack(in LogPosition position)
        {
            var (source, fingerprint, cursor) = (position.Source, position.Fingerprint, position.Cursor);
            object? where;
            if (cursor is not null) where = source is null && fingerprint is null ? cursor : position;
            else if (source is null && fingerprint is null) where = null;
            else
            {
                if (_last is null || !ReferenceEquals(_last.Source, source) || !ReferenceEquals(_last.Fingerprint, fingerprint)) _last = new File(source, fingerprint);
                where = _last;
            }
            return new PackedPosition(where, position.Line, position.ByteOffset);
        }
    }
}
