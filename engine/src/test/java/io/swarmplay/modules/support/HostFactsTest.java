package io.swarmplay.modules.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The facts read from the probe's output carry Ansible's names and values (ansible -m setup on the same systems). */
class HostFactsTest {

    private static String probe(String id, String versionId, String debianVersion) {
        return String.join("\n", "@@platform", "web1.example.org", "Linux", "6.1.0-13-amd64", "x86_64", "#1 SMP",
                "@@fqdn", "web1.example.org", "@@user", "deploy", "1001", "1002", "Deploy User:/home/deploy:/bin/bash",
                "@@os_release", "ID=" + id, "VERSION_ID=\"" + versionId + "\"", "VERSION_CODENAME=bookworm",
                "@@debian_version", debianVersion, "@@env", "HOME=/home/deploy", "MULTI=a", "b", "@@python",
                "/usr/bin/python3", "Python 3.11.2", "@@date",
                "2026|12|05|03|04|05|1796439845|UTC|+0000|Saturday|6|48|123456789",
                "2026-12-05T03:04:05|20261205T030405", "@@hardware", "2", "4028000", "@@pkg_mgr", "apt-get",
                "@@service_mgr", "systemd", "@@fips", "1", "@@end", "");
    }

    @Test
    void everySectionBecomesAnsiblesFacts() {
        Map<String, Object> facts = HostFacts.parse(probe("debian", "12", "12.11"), null);
        assertEquals("web1", facts.get("hostname"));
        assertEquals("example.org", facts.get("domain"));
        assertEquals("deploy", facts.get("user_id"));
        assertEquals(1001L, facts.get("user_uid"));
        assertEquals("/home/deploy", facts.get("user_dir"));
        assertEquals("bookworm", facts.get("distribution_release"));
        assertEquals(Map.of("HOME", "/home/deploy", "MULTI", "a\nb"), facts.get("env"));
        assertEquals("/usr/bin/python3", ((Map<?, ?>) facts.get("python")).get("executable"));
        assertEquals(List.of(3L, 11L, 2L, "final", 0L), ((Map<?, ?>) facts.get("python")).get("version_info"));
        Map<?, ?> date = (Map<?, ?>) facts.get("date_time");
        assertEquals("2026-12-05", date.get("date"));
        assertEquals("2026-12-05T03:04:05.123456Z", date.get("iso8601_micro"));
        assertEquals("6", date.get("weekday_number"));
        assertEquals(3933L, facts.get("memtotal_mb"));
        assertEquals("apt", facts.get("pkg_mgr"));
        assertEquals("systemd", facts.get("service_mgr"));
        assertEquals(true, facts.get("fips"));
        assertEquals(false, HostFacts.parse(probe("debian", "12", "12.11").replace("@@fips\n1", "@@fips\n0"), null).get("fips"));
    }

    @ParameterizedTest
    @CsvSource({
        "debian, 12,     12.11,       Debian, 12.11,  12, Debian",
        "ubuntu, 22.04,  bookworm/sid, Ubuntu, 22.04, 22, Debian",
        "rhel,   9.2,    '',          RedHat, 9.2,    9,  RedHat",
        "rocky,  9.3,    '',          Rocky,  9.3,    9,  RedHat",
        "alpine, 3.18.4, '',          Alpine, 3.18.4, 3,  Alpine",
        "nixos,  23.11,  '',          Nixos,  23.11,  23, Nixos"})
    void distributionsAreNamedAsAnsibleNamesThem(String id, String versionId, String debian, String name, String version,
                                                 String major, String family) {
        Map<String, Object> facts = HostFacts.parse(probe(id, versionId, debian), null);
        assertEquals(List.of(name, version, major, family), List.of(facts.get("distribution"),
                facts.get("distribution_version"), facts.get("distribution_major_version"), facts.get("os_family")));
    }
}
