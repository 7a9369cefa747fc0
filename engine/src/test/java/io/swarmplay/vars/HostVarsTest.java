package io.swarmplay.vars;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostVarsTest {

    @Test
    void eachHostsVariablesAreComputedOncePerHostVars() {
        List<String> computed = new ArrayList<>();
        HostVars hostvars = new HostVars(List.of("h1", "h2"), name -> {
            computed.add(name);
            return Map.of("org", name + "-org");
        });
        for (int i = 0; i < 10; i++) {
            assertEquals(Map.of("org", "h1-org"), hostvars.get("h1"));
            assertEquals(Map.of("org", "h2-org"), hostvars.get("h2"));
        }
        assertEquals(2, hostvars.entrySet().size());
        assertEquals(List.of("h1", "h2"), computed);
    }

    @Test
    void aHostTheInventoryCannotFindIsAskedForOnce() {
        List<String> computed = new ArrayList<>();
        HostVars hostvars = new HostVars(List.of("h1"), name -> {
            computed.add(name);
            return name.equals("h1") || name.equals("localhost") ? Map.of() : null;
        });
        assertNull(hostvars.get("nope"));
        assertFalse(hostvars.containsKey("nope"));
        assertTrue(hostvars.containsKey("localhost"));
        assertEquals(List.of("nope", "localhost"), computed);
    }

    @Test
    void computingOneHostMayReadAnother() {
        Map<String, Object>[] self = new Map[1];
        HostVars hostvars = new HostVars(List.of("h1", "h2"), name -> name.equals("h1")
                ? Map.of("peer", ((Map<?, ?>) self[0].get("h2")).get("x"))
                : Map.of("x", 2));
        self[0] = hostvars;
        assertEquals(Map.of("peer", 2), hostvars.get("h1"));
    }

    @Test
    void anotherHostVarsComputesAgain() {
        int[] calls = {0};
        java.util.function.Function<String, Map<String, Object>> varsOf = name -> Map.of("n", ++calls[0]);
        assertEquals(Map.of("n", 1), new HostVars(List.of("h1"), varsOf).get("h1"));
        assertEquals(Map.of("n", 2), new HostVars(List.of("h1"), varsOf).get("h1"));
    }
}
