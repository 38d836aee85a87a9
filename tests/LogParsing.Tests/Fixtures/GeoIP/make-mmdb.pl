#!/usr/bin/perl
# Writes the three small test databases beside this script, in the schemas of MaxMind's GeoLite2-City,
# GeoLite2-Country and GeoLite2-ASN, with MaxMind's own writer (Debian: apt-get install libmaxmind-db-writer-perl).
# Run it again only to change the test data: the .mmdb files are committed so that tests need no writer and no network.
#   perl tests/LogParsing.Tests/Fixtures/GeoIP/make-mmdb.pl
use strict;
use utf8;
use warnings;
use File::Basename qw(dirname);
use MaxMind::DB::Writer::Tree;

my $dir = dirname(__FILE__);

# Types of the GeoLite2 schemas (GeoIP2 database documentation), for the keys these files use.
my %types = (
    city => 'map', continent => 'map', country => 'map', registered_country => 'map', location => 'map',
    subdivisions => ['array', 'map'], names => 'map', en => 'utf8_string', sv => 'utf8_string',
    code => 'utf8_string', iso_code => 'utf8_string', geoname_id => 'uint32',
    latitude => 'double', longitude => 'double', accuracy_radius => 'uint16', time_zone => 'utf8_string',
    autonomous_system_number => 'uint32', autonomous_system_organization => 'utf8_string',
);

sub tree {
    my ($type) = @_;
    return MaxMind::DB::Writer::Tree->new(
        ip_version => 6, record_size => 24, database_type => $type,
        languages => ['en'], description => { en => "LogParsing test data ($type schema)" },
        # 10/8 is in the data on purpose: the tests prove private addresses are never looked up, not that the file lacks them.
        remove_reserved_networks => 0,
        map_key_type_callback => sub { $types{ $_[0] } or die "no type for $_[0]" },
    );
}

# Linköping is what Elasticsearch's own test database answers for 89.160.20.156 (the integration's fixtures, docs/ecs.md).
my %se = (
    continent => { code => 'EU', geoname_id => 6255148, names => { en => 'Europe' } },
    country => { geoname_id => 2661886, iso_code => 'SE', names => { en => 'Sweden' } },
);
my %nl = (
    continent => { code => 'EU', geoname_id => 6255148, names => { en => 'Europe' } },
    country => { geoname_id => 2750405, iso_code => 'NL', names => { en => 'Netherlands' } },
);
my %cn = (
    continent => { code => 'AS', geoname_id => 6255147, names => { en => 'Asia' } },
    country => { geoname_id => 1814991, iso_code => 'CN', names => { en => 'China' } },
);
my @places = (
    ['89.160.20.128/25', { %se, city => { geoname_id => 2694762, names => { en => 'Linköping' } },
        location => { latitude => 58.4167, longitude => 15.6167, accuracy_radius => 76, time_zone => 'Europe/Stockholm' },
        subdivisions => [{ geoname_id => 2685867, iso_code => 'E', names => { en => 'Östergötland County' } }] }],
    ['198.51.100.0/24', { %nl, city => { geoname_id => 2759794, names => { en => 'Amsterdam' } },
        location => { latitude => 52.3759, longitude => 4.8975, accuracy_radius => 20, time_zone => 'Europe/Amsterdam' },
        subdivisions => [{ geoname_id => 2749879, iso_code => 'NH', names => { en => 'North Holland' } }] }],
    # A country-level answer only (no city, no subdivision), as GeoLite2-City gives for many addresses.
    ['203.0.113.0/24', { %cn, location => { latitude => 34.7732, longitude => 113.722, accuracy_radius => 1000, time_zone => 'Asia/Shanghai' } }],
    ['2001:db8::/32', { %nl, location => { latitude => 52.3824, longitude => 4.8995, accuracy_radius => 100, time_zone => 'Europe/Amsterdam' } }],
    ['10.0.0.0/8', { %se }],
);
my @networks = (
    ['89.160.0.0/17', { autonomous_system_number => 29518, autonomous_system_organization => 'Bredband2 AB' }],
    ['198.51.100.0/24', { autonomous_system_number => 64500, autonomous_system_organization => 'Example Hosting B.V.' }],
    ['203.0.113.0/24', { autonomous_system_number => 64501, autonomous_system_organization => 'Example Telecom' }],
    ['2001:db8::/32', { autonomous_system_number => 64500, autonomous_system_organization => 'Example Hosting B.V.' }],
    ['10.0.0.0/8', { autonomous_system_number => 64512, autonomous_system_organization => 'Private' }],
);

sub write_db {
    my ($file, $type, $entries, $keep) = @_;
    my $tree = tree($type);
    for my $e (@$entries) {
        my %data = %{ $e->[1] };
        %data = map { exists $data{$_} ? ($_ => $data{$_}) : () } @$keep if $keep;
        $tree->insert_network($e->[0], \%data);
    }
    open my $fh, '>:raw', "$dir/$file" or die "$file: $!";
    $tree->write_tree($fh);
    close $fh;
}

write_db('GeoLite2-City-Test.mmdb', 'GeoLite2-City', \@places);
write_db('GeoLite2-Country-Test.mmdb', 'GeoLite2-Country', \@places, ['continent', 'country']);
write_db('GeoLite2-ASN-Test.mmdb', 'GeoLite2-ASN', \@networks);
print "wrote GeoLite2-City-Test.mmdb GeoLite2-Country-Test.mmdb GeoLite2-ASN-Test.mmdb in $dir\n";
