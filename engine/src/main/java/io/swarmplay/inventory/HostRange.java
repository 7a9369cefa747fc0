package io.swarmplay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's host patterns in inventory names: ranges ({@code web[01:03]} is web01, web02, web03;
 * {@code [1:9:2]} steps; {@code [a:c]} letters) and a port after the last colon
 * ({@code web1:2222}, {@code [fe80::1]:22}).
 */
final class HostRange {

    private static final Pattern RANGE = Pattern.compile("^(.*?)\\[([0-9a-zA-Z]*):([0-9a-zA-Z]*)(?::([0-9]+))?\\](.*)$");
    private static final Pattern PORT = Pattern.compile("^(.*):([0-9]+)$");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)\\](?::([0-9]+))?$");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private HostRange() {
    }

    /** Hosts one inventory name may stand for. */
    static final int MAX_HOSTS = 10_000;

    /** A host pattern split into the names it stands for and the port it gives them (null: none). */
    record Expanded(List<String> names, Integer port) {
    }

    /**
     * The names and port {@code pattern} stands for.
     *
     * @throws IllegalArgumentException (with the message to show) for a malformed range or a
     *         range of more than {@link #MAX_HOSTS} hosts
     */
    static Expanded expandWithPort(String pattern) {
        Matcher v6 = BRACKETED_IPV6.matcher(pattern);
        if (v6.matches() && v6.group(1).chars().filter(c -> c == ':').count() > 1) {
            return new Expanded(List.of(v6.group(1)), v6.group(2) == null ? null : Integer.valueOf(v6.group(2)));
        }
        Matcher port = PORT.matcher(pattern);
        if (port.matches() && !withoutRanges(port.group(1)).contains(":")) {
            return new Expanded(expand(port.group(1)), Integer.valueOf(port.group(2)));
        }
        if (pattern.endsWith(":") && !withoutRanges(pattern.substring(0, pattern.length() - 1)).contains(":")) {
            throw new IllegalArgumentException("invalid host pattern '" + pattern
                    + "': ending in ':' is not allowed, this character is reserved to provide a port");
        }
        return new Expanded(expand(pattern), null);
    }

    private static String withoutRanges(String pattern) {
        return pattern.replaceAll("\\[[^\\]]*\\]", "");
    }

    /**
     * The names {@code name} stands for.
     *
     * @throws IllegalArgumentException (with the message to show) for a malformed range or a
     *         range of more than {@link #MAX_HOSTS} hosts
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
        long here = span(m);
        long rest = count(m.group(1) + m.group(5));
        return here == 0 || rest <= Long.MAX_VALUE / here ? here * rest : Long.MAX_VALUE;
    }

    private static long span(Matcher m) {
        if (isLetters(m)) return Math.max(0, LETTERS.indexOf(m.group(3)) - LETTERS.indexOf(m.group(2)) + 1);
        return Math.max(0, bounded(m.group(3)) - bounded(begin(m)) + 1);
    }

    private static long bounded(String digits) {
        if (!digits.matches("[0-9]+")) throw malformed("host range '" + digits + "' is neither a number nor a letter");
        return digits.length() > 12 ? 999_999_999_999L : Long.parseLong(digits);
    }

    private static String begin(Matcher m) {
        return m.group(2).isEmpty() ? "0" : m.group(2);
    }

    private static boolean isLetters(Matcher m) {
        return m.group(2).length() == 1 && m.group(3).length() == 1
                && Character.isLetter(m.group(2).charAt(0)) && Character.isLetter(m.group(3).charAt(0));
    }

    private static List<String> expandChecked(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.matches()) return List.of(name);
        List<String> names = new ArrayList<>();
        for (String part : sequence(m)) names.addAll(expandChecked(m.group(1) + part + m.group(5)));
        return names;
    }

    private static List<String> sequence(Matcher m) {
        String beg = begin(m);
        String end = m.group(3);
        int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (end.isEmpty()) throw malformed("host range must specify end value: '" + m.group() + "'");
        if (step < 1) throw malformed("host range step must be at least 1: '" + m.group() + "'");
        List<String> parts = new ArrayList<>();
        if (isLetters(m)) {
            int from = LETTERS.indexOf(beg);
            int to = LETTERS.indexOf(end);
            if (from > to) throw malformed("host range must have begin <= end: '" + m.group() + "'");
            for (int i = from; i <= to; i += step) parts.add(String.valueOf(LETTERS.charAt(i)));
            return parts;
        }
        int width = beg.startsWith("0") && beg.length() > 1 ? beg.length() : 0;
        if (width > 0 && width != end.length()) {
            throw malformed("host range must specify equal-length begin and end formats: '" + m.group() + "'");
        }
        for (long i = Long.parseLong(beg); i <= Long.parseLong(end); i += step) {
            parts.add(width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i));
        }
        return parts;
    }

    private static IllegalArgumentException malformed(String message) {
        return new IllegalArgumentException(message);
    }
}
