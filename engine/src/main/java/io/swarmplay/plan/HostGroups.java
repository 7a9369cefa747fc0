package io.swarmplay.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text view's groups: each host's lines, with a line that several hosts have alike shown
 * once, in a group headed by the names of all of them ({@code org-a, org-b, org-c (each)}). A
 * swarm of N similar nodes then reads as what every node gets plus what each gets of its own,
 * and every line of every host is still there, under a header that names the host.
 */
final class HostGroups {

    private static final String DELEGATED = " -> ";

    private HostGroups() {
    }

    /** One group per host, each with all its lines. */
    static Map<List<String>, List<String>> perHost(Map<String, List<String>> byHost) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        byHost.forEach((host, lines) -> groups.put(List.of(host), lines));
        return groups;
    }

    /**
     * Groups {@code byHost} (each host's lines, in order; no host has a line twice) by the set of
     * hosts having each line. Groups come in the order first met walking the hosts in order.
     */
    static Map<List<String>, List<String>> of(Map<String, List<String>> byHost) {
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        byHost.forEach((host, lines) -> lines.forEach(l -> holders.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(host)));
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        Set<String> placed = new HashSet<>();
        byHost.values().forEach(lines -> lines.stream().filter(placed::add).forEach(
                l -> groups.computeIfAbsent(List.copyOf(holders.get(l)), k -> new ArrayList<>()).add(l)));
        return groups;
    }

    /** {@code host-1}; {@code host-1, host-2 (each)}; {@code host-1, host-2 -> localhost (each)} when all delegate there. */
    static String header(List<String> hosts) {
        if (hosts.size() == 1) return hosts.get(0);
        String first = hosts.get(0);
        int arrow = first.indexOf(DELEGATED);
        String target = arrow < 0 ? null : first.substring(arrow);
        if (target != null && hosts.stream().allMatch(h -> h.endsWith(target) && h.indexOf(DELEGATED) == h.length() - target.length())) {
            return String.join(", ", hosts.stream().map(h -> h.substring(0, h.length() - target.length())).toList()) + target + " (each)";
        }
        return String.join(", ", hosts) + " (each)";
    }
}
