package io.swarmplay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's numeric host ranges in inventory names: {@code web[01:03]} is web01, web02, web03. */
final class HostRange {

    private static final Pattern RANGE = Pattern.compile("^(.*)\\[([0-9]+):([0-9]+)\\](.*)$");

    private HostRange() {
    }

    static List<String> expand(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.matches()) return List.of(name);
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3));
        int width = m.group(2).startsWith("0") ? m.group(2).length() : 0;
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String number = width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i);
            names.addAll(expand(m.group(1) + number + m.group(4)));
        }
        return names;
    }
}
