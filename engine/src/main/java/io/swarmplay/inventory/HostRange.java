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

    /** Hosts one inventory name may stand for. */
    static final int MAX_HOSTS = 10_000;

    /**
     * The names {@code name} stands for.
     *
     * @throws IllegalArgumentException (with the message to show) for a range of more than {@link #MAX_HOSTS} hosts
     */
    static List<String> expand(String name) {
        long count = count(name);
        if (count > MAX_HOSTS) {
            throw new IllegalArgumentException("host range '" + name + "' stands for more than " + MAX_HOSTS + " hosts");
        }
        return expandChecked(name);
    }

    // the product of the ranges, computed before anything is expanded, saturating instead of overflowing
    private static long count(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.matches()) return 1;
        long here = Math.max(0, bounded(m.group(3)) - bounded(m.group(2)) + 1);
        long rest = count(m.group(1) + m.group(4));
        return here == 0 || rest <= Long.MAX_VALUE / here ? here * rest : Long.MAX_VALUE;
    }

    private static long bounded(String digits) {
        return digits.length() > 12 ? 999_999_999_999L : Long.parseLong(digits);
    }

    private static List<String> expandChecked(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.matches()) return List.of(name);
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3));
        int width = m.group(2).startsWith("0") ? m.group(2).length() : 0;
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String number = width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i);
            names.addAll(expandChecked(m.group(1) + number + m.group(4)));
        }
        return names;
    }
}
