package io.swarmplay.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gathered facts carry Ansible's names for the distribution (ansible -m setup on the same systems). */
class FactGathererTest {

    private static List<Object> distribution(String... probe) {
        Map<String, Object> facts = FactGatherer.parse(probe);
        return List.of(facts.get("ansible_distribution"), facts.get("ansible_distribution_version"),
                facts.get("ansible_distribution_major_version"), facts.get("ansible_os_family"));
    }

    @Test
    void debianIsNamedAsAnsibleNamesItWithThePointRelease() {
        Map<String, Object> facts = FactGatherer.parse(
                new String[] {"web1.example.org", "Linux", "x86_64", "root", "debian", "12", "12.11"});
        assertEquals("Debian", facts.get("ansible_distribution"));
        assertEquals("12.11", facts.get("ansible_distribution_version"));
        assertEquals("12", facts.get("ansible_distribution_major_version"));
        assertEquals("Debian", facts.get("ansible_os_family"));
        assertEquals("web1", facts.get("ansible_hostname"));
    }

    @Test
    void otherDistributionsAndTheirFamilies() {
        assertEquals(List.of("Ubuntu", "22.04", "22", "Debian"), distribution("h", "Linux", "x86_64", "u", "ubuntu", "22.04", "bookworm/sid"));
        assertEquals(List.of("RedHat", "9.2", "9", "RedHat"), distribution("h", "Linux", "x86_64", "u", "rhel", "9.2", ""));
        assertEquals(List.of("Rocky", "9.3", "9", "RedHat"), distribution("h", "Linux", "x86_64", "u", "rocky", "9.3", ""));
        assertEquals(List.of("Alpine", "3.18.4", "3", "Alpine"), distribution("h", "Linux", "x86_64", "u", "alpine", "3.18.4", ""));
        assertEquals(List.of("Nixos", "23.11", "23", "Nixos"), distribution("h", "Linux", "x86_64", "u", "nixos", "23.11", ""));
    }
}
