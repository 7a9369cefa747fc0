package io.swarmplay.run;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serial}: the play's hosts split into batches that run the whole play one after the
 * other, as Ansible's {@code _get_serialized_batches}: each size is a number or a percentage of
 * the play's hosts (at least 1), the last size repeats, and a size of 0 or less takes every
 * remaining host.
 */
final class Batches {

    private Batches() {
    }

    /** The batches of {@code hosts} for the rendered sizes; no sizes: one batch of every host. */
    static <T> List<List<T>> of(List<?> sizes, List<T> hosts) {
        List<List<T>> batches = new ArrayList<>();
        List<T> left = new ArrayList<>(hosts);
        int next = 0;
        while (!left.isEmpty()) {
            int size = sizes.isEmpty() ? 0 : size(sizes.get(next), hosts.size());
            if (size <= 0) size = left.size();
            List<T> batch = new ArrayList<>(left.subList(0, Math.min(size, left.size())));
            left.subList(0, batch.size()).clear();
            batches.add(batch);
            next = Math.min(next + 1, Math.max(0, sizes.size() - 1));
        }
        return batches;
    }

    /** Ansible's {@code pct_to_int}: {@code "30%"} of {@code all} hosts, rounded down, at least 1; else the number. */
    static int size(Object value, int all) {
        String text = String.valueOf(value).strip();
        if (text.endsWith("%")) {
            int percent = Integer.parseInt(text.substring(0, text.length() - 1).strip());
            return Math.max(1, (int) (percent / 100.0 * all));
        }
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'serial' must be a number of hosts or a percentage, got '" + text + "'");
        }
    }
}
