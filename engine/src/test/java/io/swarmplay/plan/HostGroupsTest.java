package io.swarmplay.plan;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostGroupsTest {

    @Test
    void aLineSeveralHostsHaveShowsOnceUnderAllTheirNamesAndEveryLineKeepsItsHosts() {
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        byHost.put("a", List.of("image", "net-a", "bundle-b", "node-a"));
        byHost.put("b", List.of("image", "net-b", "node-b"));
        byHost.put("c", List.of("image", "bundle-b", "node-c"));
        Map<List<String>, List<String>> groups = HostGroups.of(byHost);
        Map<List<String>, List<String>> expected = new LinkedHashMap<>();
        expected.put(List.of("a", "b", "c"), List.of("image"));
        expected.put(List.of("a"), List.of("net-a", "node-a"));
        expected.put(List.of("a", "c"), List.of("bundle-b"));
        expected.put(List.of("b"), List.of("net-b", "node-b"));
        expected.put(List.of("c"), List.of("node-c"));
        assertEquals(expected, groups);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(groups.keySet()), "groups in the order first met");
    }

    @Test
    void headersNameEveryHostAndADelegationTargetOnce() {
        assertEquals("host-1", HostGroups.header(List.of("host-1")));
        assertEquals("host-1, host-2 (each)", HostGroups.header(List.of("host-1", "host-2")));
        assertEquals("host-1, host-2 -> localhost (each)", HostGroups.header(List.of("host-1 -> localhost", "host-2 -> localhost")));
        assertEquals("host-1 -> db, host-2 -> localhost (each)", HostGroups.header(List.of("host-1 -> db", "host-2 -> localhost")));
    }
}
