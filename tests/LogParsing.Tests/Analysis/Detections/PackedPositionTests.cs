using LogParsing.Analysis.Detections;

namespace LogParsing.Tests.Analysis.Detections;

/// <summary>The detector's 24-byte positions give back, and compare as, the positions they were made from.</summary>
public class PackedPositionTests
{
    private static readonly LogPosition[] Positions =
    [
        default,
        new(null, 7),
        new("/var/log/auth.log", 12) { ByteOffset = 1_044 },
        new("/var/log/auth.log", 12) { ByteOffset = 1_044, Fingerprint = "256:9f86d081884c7d65" },
        new("/var/log/auth.log", 13) { ByteOffset = 1_150, Fingerprint = "256:9f86d081884c7d65" },
        new("/var/log/auth.log.1", 12) { ByteOffset = 1_044, Fingerprint = "256:9f86d081884c7d65" },
        new("/var/log/auth.log", 12) { ByteOffset = 1_044, Fingerprint = "256:0000000000000000" },
        new(null, 3) { ByteOffset = 880, Cursor = "s=6d1f;i=2a5;b=9c0e;m=1f2e;t=5f1a;x=77" },
        new(null, 3) { ByteOffset = 880, Cursor = "s=6d1f;i=2a6;b=9c0e;m=1f2f;t=5f1b;x=78" },
        new("export.json", 3) { ByteOffset = 880, Cursor = "s=6d1f;i=2a5;b=9c0e;m=1f2e;t=5f1a;x=77" },
        new(null, 0) { Fingerprint = "256:9f86d081884c7d65" },
    ];

    [Fact]
    public void A_packed_position_unpacks_to_the_same_position()
    {
        var packer = new PackedPosition.Packer();
        foreach (var position in Positions) Assert.Equal(position, packer.Pack(position).Unpack());
    }

    [Fact]
    public void Packed_positions_are_equal_when_their_positions_are()
    {
        // Two packers, and strings that are equal but not the same object: the file a position names is compared by
        // its path and fingerprint, whichever packer held them.
        var (a, b) = (new PackedPosition.Packer(), new PackedPosition.Packer());
        foreach (var x in Positions)
            foreach (var y in Positions)
            {
                var copy = y with { Source = y.Source is null ? null : new string(y.Source), Fingerprint = y.Fingerprint is null ? null : new string(y.Fingerprint) };
                Assert.Equal(x == y, a.Pack(x) == b.Pack(copy));
                Assert.Equal(x == default, a.Pack(x).IsDefault);
            }
    }
}
